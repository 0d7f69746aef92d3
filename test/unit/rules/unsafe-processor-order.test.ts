// Table tests for unsafe-processor-order.
import { ruleTester } from './rule-tester';

ruleTester('unsafe-processor-order', {
  valid: [
    `from tracecraft import ProcessorOrder
order = ProcessorOrder.SAFETY
`,
    `# ProcessorOrder.EFFICIENCY in a comment
doc = "ProcessorOrder.EFFICIENCY in a string"
`,
    { file: 'setup.ts', code: `// ProcessorOrder.EFFICIENCY in a comment\nconst s = "ProcessorOrder.EFFICIENCY";\n` },
    // Compared or read, as TraceCraft's own runtime and its tests do: nothing is configured.
    `from tracecraft.core.config import ProcessorOrder
def build(config):
    if config.processor_order == ProcessorOrder.EFFICIENCY:
        pass
    elif config.processor_order != ProcessorOrder.EFFICIENCY:
        pass
    assert ProcessorOrder.EFFICIENCY.value == "efficiency"
    assert config.processor_order == ProcessorOrder.EFFICIENCY
    return config.processor_order is ProcessorOrder.EFFICIENCY
`,
    { file: 'check.ts', code: `if (config.processorOrder === ProcessorOrder.EFFICIENCY) { sample(); }\n` },
  ],
  invalid: [
    {
      name: 'passed to a config over several lines, and assigned to a setting',
      code: `from tracecraft import ProcessorOrder, TraceCraftConfig
config = TraceCraftConfig(
    service_name="agent",
    processor_order=ProcessorOrder.EFFICIENCY,
)
config.processor_order = ProcessorOrder.EFFICIENCY
`,
      errors: [{ line: 4, column: 21, endColumn: 46 }, { line: 6, column: 26, endColumn: 51 }],
      output: `from tracecraft import ProcessorOrder, TraceCraftConfig
config = TraceCraftConfig(
    service_name="agent",
    processor_order=ProcessorOrder.SAFETY,
)
config.processor_order = ProcessorOrder.SAFETY
`,
    },
    {
      code: `import tracecraft
from tracecraft import ProcessorOrder
tracecraft.init(processor_order=ProcessorOrder.EFFICIENCY)
`,
      errors: [{ line: 3, column: 33, endColumn: 58, message: 'ProcessorOrder.EFFICIENCY makes TraceCraft sample, then redact, then enrich: the sampler sees runs before redaction, and what enrichment adds is never redacted. ProcessorOrder.SAFETY enriches, redacts, then samples.' }],
      output: `import tracecraft
from tracecraft import ProcessorOrder
tracecraft.init(processor_order=ProcessorOrder.SAFETY)
`,
    },
    {
      file: 'setup.ts',
      code: `init({ processorOrder: ProcessorOrder.EFFICIENCY });\n`,
      errors: [{ line: 1, column: 24, endColumn: 49 }],
      output: `init({ processorOrder: ProcessorOrder.SAFETY });\n`,
    },
  ],
});
