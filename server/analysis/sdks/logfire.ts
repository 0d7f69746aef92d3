// Pydantic Logfire (Python): `@logfire.instrument` binds every argument by name as a span attribute
// (`extract_args=True`); `extract_args` is an include list (a list or one name records those alone,
// False none; a name the function lacks only warns). Scrubbing is on by default and redacts values
// whose key matches DEFAULT_PATTERNS (logfire/_internal/scrubbing.py, compiled IGNORECASE): password,
// secret, auth, credential, private key, api key, session, cookie, ... but not "token".
// `logfire.configure(scrubbing=False)` turns it off; `ScrubbingOptions(extra_patterns=[...])` adds
// the project's own patterns (Python regexes, judged like every custom pattern).
import type { SdkDescriptor } from './types';

/** DEFAULT_PATTERNS of logfire/_internal/scrubbing.py, the same alternatives in JS syntax. */
const LOGFIRE_DEFAULT_SCRUBBING = [
  'password', 'passwd', 'mysql_pwd', 'secret', 'auth(?!ors?\\b)', 'credential', 'private[._ -]?key', 'api[._ -]?key', 'session',
  'cookie', 'social[._ -]?security', 'credit[._ -]?card', 'logfire[._ -]?token', 'pylf_v\\d+_', '(?:\\b|_)(?:csrf|xsrf|jwt|ssn)(?:\\b|_)',
].join('|');

export const logfire: SdkDescriptor = {
  id: 'logfire',
  label: 'Logfire',
  readFrom: 'logfire 4.41.0 (pydantic/logfire@e484a6b)',
  python: {
    modules: ['logfire'],
    tracers: [{
      name: 'instrument',
      forms: ['decorator'],
      capturesInputs: true,
      captureParam: 'extract_args',
      inclusionParam: 'extract_args',
      options: ['msg_template', 'span_name', 'extract_args', 'record_return', 'allow_generator', 'new_trace', 'level'],
      unknownOption: 'raises',
    }],
  },
  builtinRedactedPattern: LOGFIRE_DEFAULT_SCRUBBING,
  configSwitches: [{
    callee: 'configure',
    option: 'scrubbing',
    governs: 'redaction',
    leaksWhen: false,
    safeValue: 'None',
    effect: 'turns Logfire\'s scrubbing off: arguments and attributes named password, secret, api_key, auth... are written to traces as they are',
  }],
  patternOptions: [{ callee: 'ScrubbingOptions', option: 'extra_patterns', position: 1, role: 'custom_pattern' }],
  // Spans: named by msg_template / span_name; `code.function` holds the function's __qualname__ and
  // each extracted argument is an attribute under its parameter's name (_internal/instrument.py).
  otlp: { markers: ['logfire.msg_template', 'logfire.span_type'], functionAttribute: 'code.function', argumentAttributes: true },
};
