// openai_api_key: OpenAI keys (`sk-…`, `sk-proj-…`, `sk-svcacct-…`, `sk-admin-…`). Never `sk-ant-…`,
// which is Anthropic's: TraceCraft's rule reported those under the wrong name; nor Langfuse's `sk-lf-`.
import { regexDetector } from './regex-detector';
import { isDigit, isPlaceholderBody } from './util';

export const openaiApiKey = regexDetector({
  name: 'openai_api_key',
  description: 'An OpenAI API key (sk-, sk-proj-, sk-svcacct-, sk-admin-).',
  defaultSeverity: 'error',
  examples: {
    positive: [
      'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq',
      'OPENAI_API_KEY=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',
    ],
    negative: [
      'sk-ant-api03-Zx8yW6vU4tS2rQ0pOn8mLk6jIh4gFe2dCb0aZy8xWv6uTs4rQp2oNm0lKj8iHg6fEd4cBa2zYx0wVu8tSr6qPo4nMl2kJi0hGf8eDc6bA-AA',
      'risk-assessment-for-the-quarterly-planning-cycle',
      'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
  regexes: [/(?<![A-Za-z0-9_-])sk-(?!ant-|lf-)[A-Za-z0-9_-]{20,400}/g],
  gate: ['sk-'],
  rawHint: 'sk-',
  minLength: 23,
  rawLiterals: ['k-'],
  validate(text, start, end) {
    const body = text.slice(start + 3, end).replace(/^(?:proj|svcacct|admin|None)-/, '');
    if (isPlaceholderBody(body)) return false;
    for (let i = 0; i < body.length; i++) if (isDigit(body.charCodeAt(i))) return true;
    return false;
  },
});
