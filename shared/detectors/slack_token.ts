// slack_token: Slack tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe.xoxp-, xapp-) and webhook URLs.
import { regexDetector } from './regex-detector';
import { isDigit, isPlaceholderBody } from './util';

export const slackToken = regexDetector({
  name: 'slack_token',
  description: 'A Slack token (xoxb-, xoxp-, xoxa-, xoxs-, xapp-, …) or incoming-webhook URL.',
  defaultSeverity: 'error',
  examples: {
    positive: [
      'xoxb-2345678901-3456789012-AbCdEfGhIjKlMnOpQrStUvWx',
      '"access_token": "xoxe.xoxp-1-Mi0yLTM0MTQwNDE0MDE3Ni0zNjU5NDY0Njg4MTctNTE4MjA3NTQ5NjA4MC01NDEyOTYyODY5NzUxLThhMTBjZmI1ZWIzMGIwNTg0"',
      'https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/AbCdEfGhIjKlMnOpQrStUvWx',
    ],
    negative: ['xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx', 'xoxb-xxx', 'xoxb-xoxb-my-bot-token', 'xoxe.xoxp-1-initial'],
  },
  regexes: [
    /(?<![A-Za-z0-9_-])(?:xoxe\.)?xox[abeoprs]-[A-Za-z0-9-]{8,400}/g,
    /(?<![A-Za-z0-9_-])xapp-\d-[A-Za-z0-9-]{10,400}/g,
    /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,200}/g,
  ],
  gate: ['xox', 'xapp-', 'hooks.slack.com'],
  rawHint: 'xox|xapp-|hooks',
  minLength: 17,
  rawLiterals: ['xox', 'xapp', 'hooks.sl'],
  validate(text, start, end) {
    if (text.startsWith('http', start) || text.startsWith('hooks.', start)) return true;
    const body = text.slice(text.indexOf('-', start) + 1, end);
    if (body.length < 12 || isPlaceholderBody(body)) return false;
    // Real tokens mix digits and letters, or are legacy id-id tokens; `xoxp-1234567890` and
    // `xoxb-my-bot-token` are documentation examples.
    let digits = 0;
    let letters = 0;
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      if (isDigit(c)) digits++;
      else if (c !== 45) letters++;
    }
    return (digits > 1 && letters > 0) || /^\d{8,}-\d{8,}/.test(body);
  },
});
