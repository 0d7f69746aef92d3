// AgentDbg (Python): `@trace` records no arguments; data enters through record_llm_call,
// record_tool_call and record_state, whose dict arguments are stored as given (after AgentDbg's
// key-substring redaction, on by default, which configuration can turn off).
import type { SdkDescriptor } from './types';

export const agentdbg: SdkDescriptor = {
  id: 'agentdbg',
  label: 'AgentDbg',
  python: {
    modules: ['agentdbg'],
    tracers: [{ name: 'trace', forms: ['decorator'], capturesInputs: false }],
    recorders: ['record_llm_call', 'record_tool_call', 'record_state'],
  },
  recorderRedactedSubstrings: ['api_key', 'authorization', 'cookie', 'password', 'secret', 'token'],
};
