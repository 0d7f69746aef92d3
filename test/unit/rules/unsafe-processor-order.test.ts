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
  ],
  invalid: [
    {
      code: `import tracecraft
from tracecraft import ProcessorOrder
tracecraft.init(processor_order=ProcessorOrder.EFFICIENCY)
`,
      errors: [{ line: 3, column: 33, endColumn: 58, message: 'samples before redacting' }],
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
