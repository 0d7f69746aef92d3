// anthropic_api_key: Anthropic keys (`sk-ant-api03-…`, `sk-ant-admin01-…`). Ranked before openai in the
// registry, and openai refuses `sk-ant-`, so an Anthropic key is never reported as OpenAI's.
import { regexDetector } from './regex-detector';
import { isPlaceholderBody } from './util';

export const anthropicApiKey = regexDetector({
  name: 'anthropic_api_key',
  description: 'An Anthropic API key (sk-ant-…).',
  defaultSeverity: 'error',
  examples: {
    positive: [
      'sk-ant-api03-Zx8yW6vU4tS2rQ0pOn8mLk6jIh4gFe2dCb0aZy8xWv6uTs4rQp2oNm0lKj8iHg6fEd4cBa2zYx0wVu8tSr6qPo4nMl2kJi0hGf8eDc6bA-AA',
      'ANTHROPIC_API_KEY="sk-ant-admin01-abc12fake-456def789ghij-klmnopqrstuvwx-3456yza789bcde-12fakehijklmnopby56aaaogaopaaaabc123xyzAA"',
    ],
    negative: ['task-ant-colony-simulation', 'sk-ant-xxxxxxxxxxxxxxxx', 'sk-ant-'],
  },
  regexes: [/(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{10,400}/g],
  gate: ['sk-an'],
  rawHint: 'sk-ant-',
  minLength: 17,
  rawLiterals: ['k-'],
  validate(text, start, end) {
    return !isPlaceholderBody(text.slice(start + 7, end).replace(/^(?:api\d\d|admin\d\d)-/, ''));
  },
});
