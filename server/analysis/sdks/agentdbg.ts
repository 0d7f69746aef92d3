// AgentDbg (Python), renamed Maida (module `maida`, `.maida/config.yaml`, `MAIDA_*`; read from
// github.com/AgentDbg/agentdbg at 4415965, maida/config.py, maida/_tracing/_lifecycle.py and
// _redact.py; the AgentDbg name from github.com/z-a-f/AgentDbg, agentdbg/config.py).
// `@trace` records no arguments and accepts only `name` and its guardrail options (any other
// keyword is a TypeError when the decorator is applied); data enters through record_llm_call,
// record_tool_call and record_state, whose dict arguments are stored after AgentDbg's redaction:
// on by default, values under keys containing one of `redact_keys` (case-insensitive substrings).
// `AGENTDBG_REDACT` / `MAIDA_REDACT` switch it: only `1`, `true`, `yes` keep it on.
// `AGENTDBG_REDACT_KEYS` / `MAIDA_REDACT_KEYS` replace the key list.
import type { SdkDescriptor } from './types';

const redact = (name: string) => ({ name, governs: 'redaction' as const, leaksWhen: false, safeValue: '1', trueWords: ['1', 'true', 'yes'] });

export const agentdbg: SdkDescriptor = {
  id: 'agentdbg',
  label: 'AgentDbg',
  readFrom: 'AgentDbg/agentdbg@4415965 (Maida); z-a-f/AgentDbg@8e54e38 (agentdbg)',
  python: {
    modules: ['agentdbg', 'maida'],
    tracers: [{
      name: 'trace',
      forms: ['decorator'],
      capturesInputs: false,
      options: ['name', 'stop_on_loop', 'stop_on_loop_min_repetitions', 'max_llm_calls', 'max_tool_calls', 'max_events', 'max_duration_s'],
      unknownOption: 'raises',
    }],
    recorders: ['record_llm_call', 'record_tool_call', 'record_state'],
  },
  recorderRedactedSubstrings: ['api_key', 'authorization', 'cookie', 'password', 'secret', 'token'],
  recorderRedactKeysEnv: ['AGENTDBG_REDACT_KEYS', 'MAIDA_REDACT_KEYS'],
  envSwitches: [redact('AGENTDBG_REDACT'), redact('MAIDA_REDACT')],
};
