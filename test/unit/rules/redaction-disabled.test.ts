// Table tests for redaction-disabled: Python, TS, .env files and AgentDbg's config.yaml.
import { ruleTester } from './rule-tester';

ruleTester('redaction-disabled', {
  valid: [
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
        { line: 2, column: 1, endColumn: 35, message: 'TRACECRAFT_REDACTION_ENABLED=false turns redaction off' },
        { line: 3, column: 8, endColumn: 26 },
      ],
      output: `# comment\nTRACECRAFT_REDACTION_ENABLED=true\nexport AGENTDBG_REDACT="1"\n`,
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
