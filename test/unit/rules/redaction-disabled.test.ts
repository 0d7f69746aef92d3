// Table tests for redaction-disabled: Python, TS, .env files and AgentDbg's config.yaml.
import { ruleTester } from './rule-tester';

ruleTester('redaction-disabled', {
  valid: [
    // TraceCraft reads "yes" as on; AgentDbg reads "TRUE" as on; an empty value is unset; a docstring and a comment are not code.
    { file: 'app.py', code: 'import os\nos.environ["TRACECRAFT_REDACTION_ENABLED"] = "yes"\nos.environ["AGENTDBG_REDACT"] = "TRUE"\nos.environ["MAIDA_REDACT"] = ""\n"""Run with os.environ["AGENTDBG_REDACT"] = "0" to see raw values."""\n# os.environ["MAIDA_REDACT"] = "0"\n' },
    { file: 'check.py', code: 'import os\nif os.environ["TRACECRAFT_REDACTION_ENABLED"] == "false":\n    pass\n' },
    `from tracecraft import RedactionConfig
a = RedactionConfig()
b = RedactionConfig(enabled=True, mode="hash")
`,
    { file: '.env', code: 'TRACECRAFT_REDACTION_ENABLED=true\nOTHER_ENABLED=false\n' },
    { file: 'project/.agentdbg/config.yaml', code: 'redact: true\nredact_keys: [api_key]\n' },
    { file: 'project/.agentdbg/config.yaml', code: 'redaction:\n  enabled: true\n' },
    // Any other YAML file is not AgentDbg's.
    { file: 'deploy/config.yaml', code: 'redact: false\n' },
  ],
  invalid: [
    {
      name: 'Python keyword argument',
      code: `from tracecraft import RedactionConfig
config = RedactionConfig(enabled=False, mode="mask")
`,
      errors: [{ line: 2, column: 26, endColumn: 39, message: 'RedactionConfig(enabled=False) turns off every redaction rule' }],
      output: `from tracecraft import RedactionConfig
config = RedactionConfig(enabled=True, mode="mask")
`,
    },
    {
      name: 'through a module-level constant: the constant is switched back',
      code: `import tracecraft
REDACT = False
config = tracecraft.RedactionConfig(enabled=REDACT)
`,
      errors: [{ line: 3, column: 37, endColumn: 51 }],
      output: `import tracecraft
REDACT = True
config = tracecraft.RedactionConfig(enabled=REDACT)
`,
    },
    {
      name: 'TS options object',
      file: 'setup.ts',
      code: `const config = new RedactionConfig({ enabled: false });\n`,
      errors: [{ line: 1, column: 38, endColumn: 52 }],
      output: `const config = new RedactionConfig({ enabled: true });\n`,
    },
    {
      name: '.env, quoted and exported forms',
      file: 'examples/.env',
      code: `# comment\nTRACECRAFT_REDACTION_ENABLED=false\nexport AGENTDBG_REDACT="0"\n`,
      errors: [
        { line: 2, column: 1, endColumn: 35, message: "TRACECRAFT_REDACTION_ENABLED=false turns TraceCraft's redaction off" },
        { line: 3, column: 8, endColumn: 26 },
      ],
      output: `# comment\nTRACECRAFT_REDACTION_ENABLED=true\nexport AGENTDBG_REDACT="1"\n`,
    },
    {
      name: 'switches set from code: os.environ, setdefault, patch.dict, monkeypatch (as TraceCraft and AgentDbg read them)',
      file: 'tests/test_debug.py',
      code: `import os
from unittest.mock import patch
os.environ["TRACECRAFT_REDACTION_ENABLED"] = "off"
os.environ.setdefault("AGENTDBG_REDACT", "no")
@patch.dict(os.environ, {"MAIDA_REDACT": "false", "OTHER": "0"})
def test_raw(monkeypatch):
    monkeypatch.setenv("MAIDA_REDACT", "disabled")
`,
      errors: [
        { line: 3, column: 13, endColumn: 50, message: "TRACECRAFT_REDACTION_ENABLED=off turns TraceCraft's redaction off" },
        { line: 4, column: 24, endColumn: 45, message: "AGENTDBG_REDACT=no turns AgentDbg's redaction off" },
        { line: 5, column: 27, endColumn: 48 },
        { line: 7, column: 25, endColumn: 49 },
      ],
      output: `import os
from unittest.mock import patch
os.environ["TRACECRAFT_REDACTION_ENABLED"] = "true"
os.environ.setdefault("AGENTDBG_REDACT", "1")
@patch.dict(os.environ, {"MAIDA_REDACT": "1", "OTHER": "0"})
def test_raw(monkeypatch):
    monkeypatch.setenv("MAIDA_REDACT", "1")
`,
    },
    {
      name: 'TS: process.env set from code',
      file: 'setup.ts',
      code: `process.env.TRACECRAFT_REDACTION_ENABLED = "false";\n`,
      errors: [{ line: 1, column: 13, endColumn: 50 }],
      output: `process.env.TRACECRAFT_REDACTION_ENABLED = "true";\n`,
    },
    {
      name: 'Maida YAML',
      file: 'project/.maida/config.yaml',
      code: `redact: false\n`,
      errors: [{ line: 1, column: 1, endColumn: 14, message: 'AgentDbg (Maida) redact: false' }],
      output: `redact: true\n`,
    },
    {
      name: 'AgentDbg YAML, both shapes',
      file: 'project/.agentdbg/config.yaml',
      code: `redact: false\nredaction:\n  enabled: no\n`,
      errors: [{ line: 1, column: 1, endColumn: 14 }],
      output: `redact: true\nredaction:\n  enabled: no\n`,
    },
    {
      name: 'AgentDbg YAML, the guide shape',
      file: 'project/.agentdbg/config.yml',
      code: `redaction:\n  enabled: false # for local debugging\n  keys: [api_key]\n`,
      errors: [{ line: 2, column: 3, endColumn: 17 }],
      output: `redaction:\n  enabled: true # for local debugging\n  keys: [api_key]\n`,
    },
  ],
});
