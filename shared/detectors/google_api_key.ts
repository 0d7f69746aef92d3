// google_api_key: Google API keys (AIza + 35 characters).
import { regexDetector } from './regex-detector';
import { isPlaceholderBody } from './util';

export const googleApiKey = regexDetector({
  name: 'google_api_key',
  description: 'A Google API key (AIza…).',
  defaultSeverity: 'error',
  examples: {
    positive: ['AIzaSyNHxIf32IQ1a1yjl3ZJIqKZqzLAK1XhDk-', 'key=AIzaxf6XhMLf3VcTa4w-wUmdBaRKEjKYk4qV3M3&q=x'],
    negative: ['AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'AIzaTesb6Tscfcni8vIpWZqNCXFDFslJtVSvFDqabcd123', 'AIZASYCO2CXRMC9ELSKLHLHRMBSWDEVEDZTLO2O'],
  },
  regexes: [/(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g],
  gate: ['AIza'],
  rawHint: 'AIza',
  minLength: 39,
  rawLiterals: ['Iza'],
  validate: (text, start, end) => !isPlaceholderBody(text.slice(start + 4, end)),
});
