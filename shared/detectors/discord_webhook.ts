// discord_webhook: Discord webhook URLs (`https://discord.com/api/webhooks/<id>/<token>`, also
// discordapp.com, ptb. and canary.): whoever holds one can post as the webhook, as with Slack's
// incoming webhooks (slack_token). Agents post notifications through them.
import { regexDetector } from './regex-detector';

export const discordWebhook = regexDetector({
  name: 'discord_webhook',
  description: 'A Discord webhook URL (discord.com/api/webhooks/<id>/<token>).',
  defaultSeverity: 'error',
  examples: {
    positive: ['DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/1234567890123456789/Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPqRs2tUv5wXy8zAb1cDe4f'],
    negative: ['https://discord.com/api/webhooks/{webhook.id}/{webhook.token}', 'see https://discord.com/developers/docs/resources/webhook'],
  },
  regexes: [/(?:https?:\/\/)?(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d{1,2})?\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,100}(?![A-Za-z0-9_-])/g],
  gate: ['/webhooks/'],
  rawHint: 'ebhooks',
  rawLiterals: ['ebhooks'],
  minLength: 100,
});
