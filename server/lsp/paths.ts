// Which path the analysis sees for a document: its file path, or for an unsaved (untitled:)
// document a made-up path whose extension follows the language, so that dispatch still works.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from './uri';

const EXTENSION: Record<string, string> = {
  python: '.py',
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
  jsonl: '.jsonl',
  json: '.json',
  yaml: '.yaml',
  dotenv: '.env',
};

export function documentPath(doc: Pick<TextDocument, 'uri' | 'languageId'>): string {
  const path = URI.toPath(doc.uri);
  if (path) return path;
  const name = doc.uri.replace(/^[a-z-]+:/i, '').replace(/[^\w.-]/g, '_') || 'untitled';
  return `/untitled/${name}${EXTENSION[doc.languageId] ?? ''}`;
}
