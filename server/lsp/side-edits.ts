// Edits to files other than the one a finding is in: the tracelint configuration file (add a
// value to `allowlist`) and the baseline file (add a finding's content fingerprint). JSON is
// edited in place with jsonc-parser, keeping the file's formatting; a missing file is created.
import { existsSync, readFileSync } from 'node:fs';
import { applyEdits, modify, parse } from 'jsonc-parser';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from './uri';

const FORMAT = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** The text of a file, from the editor's copy when it has one, else from disk; undefined when missing. */
export type TextReader = (path: string) => TextDocument | undefined;

export function diskReader(open: (uri: string) => TextDocument | undefined): TextReader {
  return (path) => {
    const uri = URI.fromPath(path);
    const doc = open(uri);
    if (doc) return doc;
    if (!existsSync(path)) return undefined;
    try {
      return TextDocument.create(uri, 'json', 0, readFileSync(path, 'utf8'));
    } catch {
      return undefined;
    }
  };
}

/**
 * Appends `value` to the JSON array at `path` (e.g. `["allowlist"]`) of the file, creating the file
 * (as `skeleton` with the array) when missing. Undefined when the value is already there or the
 * file is not a JSON object we can edit.
 */
export function appendToJsonArray(
  file: string,
  path: string[],
  value: unknown,
  read: TextReader,
  canCreateFiles: boolean,
  /** What a new file holds besides the array (e.g. the baseline's `tool` and `version`). */
  skeleton: Record<string, unknown> = {},
  same: (a: unknown, b: unknown) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b),
): WorkspaceEdit | undefined {
  const uri = URI.fromPath(file);
  const doc = read(file);
  if (!doc) {
    if (!canCreateFiles) return undefined;
    let text = JSON.stringify(skeleton, null, 2);
    text = applyEdits(text, modify(text, path, [value], { formattingOptions: FORMAT }));
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${text}\n` }] },
      ],
    };
  }
  const text = doc.getText();
  const root = parse(text, [], { allowTrailingComma: true, disallowComments: false });
  if (text.trim() !== '' && (root === null || typeof root !== 'object' || Array.isArray(root))) return undefined;
  let current: unknown = root;
  for (const key of path) current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  if (current !== undefined && !Array.isArray(current)) return undefined;
  if (Array.isArray(current) && current.some((v) => same(v, value))) return undefined;
  const base = text.trim() === '' ? '{}' : text;
  const edits = modify(base, Array.isArray(current) ? [...path, -1] : path, Array.isArray(current) ? value : [value], {
    formattingOptions: FORMAT,
  });
  if (text.trim() === '') {
    const full = applyEdits(base, edits);
    return { changes: { [uri]: [{ range: { start: doc.positionAt(0), end: doc.positionAt(text.length) }, newText: `${full}\n` }] } };
  }
  return {
    changes: {
      [uri]: edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.content })),
    },
  };
}
