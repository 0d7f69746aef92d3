// azure_connection_string: the key inside an Azure storage or Service Bus connection string
// (`AccountKey=…`, `SharedAccessKey=…`). The key alone is reported; the rest of the string is not secret.
import { regexDetector } from './regex-detector';
import { isPlaceholderBody } from './util';

export const azureConnectionString = regexDetector({
  name: 'azure_connection_string',
  description: 'The account key of an Azure storage or Service Bus connection string.',
  defaultSeverity: 'error',
  examples: {
    positive: [
      'DefaultEndpointsProtocol=https;AccountName=tracelintdemo;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=;EndpointSuffix=core.windows.net',
      'Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=b3JhbmdlcGVhcmFwcGxlMTIzNDU2Nzg5MGFiYw==',
    ],
    negative: ['AccountKey=<your-account-key>', 'AccountKey=xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'AccountName=tracelintdemo'],
  },
  regexes: [/(?:[Aa]ccount|ACCOUNT|[Ss]hared[Aa]ccess|SHAREDACCESS)(?:Key|key|KEY)=([A-Za-z0-9+/]{20,}={0,2})/g],
  gate: ['Key=', 'key=', 'KEY='],
  rawHint: '(?:[Aa]ccount|ACCOUNT|[Ss]hared[Aa]ccess|SHAREDACCESS)(?:Key|key|KEY)=',
  minLength: 31,
  rawLiterals: ['ey=', 'EY='],
  validate: (text, start, end) => !isPlaceholderBody(text.slice(start, end)),
});
