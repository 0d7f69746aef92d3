// Drift tests for the editor contributions: package.json's `tracelint.*` settings and the server's
// settings agree both ways (names, defaults, enums); the jsonl grammar highlights every redaction
// marker the engine recognises and nothing else; the .vsix manifest points at files that exist.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, normalizeSettings } from '../../../server/lsp/settings';
import { Markers } from '../../../shared/engine/markers';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const props: Record<string, { default: unknown; enum?: unknown[] }> = pkg.contributes.configuration.properties;

describe('contributes.configuration and the server settings', () => {
  it('declare the same settings with the same defaults', () => {
    const server = defaultSettings() as unknown as Record<string, unknown>;
    const declared = Object.keys(props).filter((k) => k !== 'tracelint.trace.server').map((k) => k.slice('tracelint.'.length));
    assert.deepEqual(declared.sort(), Object.keys(server).sort());
    for (const key of declared) assert.deepEqual(props[`tracelint.${key}`].default, server[key], key);
  });

  it('accept every enum value package.json offers, and fall back to the default on anything else', () => {
    for (const [key, p] of Object.entries(props)) {
      if (!p.enum || key === 'tracelint.trace.server') continue;
      const name = key.slice('tracelint.'.length);
      for (const v of p.enum) assert.equal((normalizeSettings({ [name]: v }) as unknown as Record<string, unknown>)[name], v);
      assert.equal((normalizeSettings({ [name]: 'nonsense' }) as unknown as Record<string, unknown>)[name], p.default);
    }
    assert.deepEqual(normalizeSettings({ traceGlobs: [1, 2], maxDocumentSizeMB: -3 }), defaultSettings());
  });
});

describe('jsonl grammar', () => {
  const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'jsonl.tmLanguage.json'), 'utf8'));
  const marker = new RegExp(grammar.repository.marker.match, 'g');
  const found = (text: string) => [...text.matchAll(marker)].map((m) => m[0]);

  it('highlights exactly the markers the engine treats as already redacted', () => {
    const text = 'a [REDACTED] b [EXCLUDED] c __REDACTED__ d ***REDACTED*** e [HASH:0123456789abcdef] f';
    const engine = new Markers('[REDACTED]').spans(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(found(text), engine);
  });

  it('does not highlight look-alikes', () => {
    assert.deepEqual(found('REDACTED [HASH:xyz] [redacted] __REDACT__'), []);
  });

  it('is wired to the jsonl language for .jsonl and .ndjson', () => {
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'jsonl');
    assert.deepEqual(lang.extensions, ['.jsonl', '.ndjson']);
    const g = pkg.contributes.grammars.find((x: { language: string }) => x.language === 'jsonl');
    assert.equal(g.scopeName, grammar.scopeName);
    assert.ok(existsSync(join(root, g.path)));
    assert.ok(existsSync(join(root, lang.configuration)));
  });
});

describe('extension manifest', () => {
  it('points at files the build and the repository provide', () => {
    assert.equal(pkg.main, './dist/extension.js');
    for (const v of pkg.contributes.jsonValidation) assert.ok(existsSync(join(root, v.url)), v.url);
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: 'tracelint.json', url: './schemas/tracelint.schema.json' }]);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    const commands = pkg.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(commands, ['tracelint.openPreview', 'tracelint.openPreviewToSide', 'tracelint.saveRedactedCopy', 'tracelint.showOutput', 'tracelint.restartServer', 'tracelint.checkAgainstConfig']);
    const registered = readFileSync(join(root, 'client', 'extension.ts'), 'utf8');
    for (const c of commands) assert.ok(registered.includes(`'${c}'`), `${c} is registered by the extension`);
  });
});
