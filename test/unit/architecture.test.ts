// The layering ARCHITECTURE.md states, checked on the import statements of every source file:
// the engine knows no editor and no server, analysis knows no rules, and nothing the CLI and the
// language server share imports the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every import of a file (static, dynamic, type-only, re-export) as a path relative to the repository, or the package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'([^']+)'/gm)) {
    const spec = m[1];
    out.push(spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)).replace(/\\/g, '/') : spec);
  }
  return out;
}

/** The imports of the files under `dirs` that match `forbidden`, as `file -> import`. */
function violations(dirs: string[], forbidden: (spec: string) => boolean, except: string[] = []): string[] {
  return dirs
    .flatMap((d) => files(join(root, d)))
    .filter((f) => !except.includes(relative(root, f).replace(/\\/g, '/')))
    .flatMap((f) => importsOf(f).filter(forbidden).map((spec) => `${relative(root, f)} -> ${spec}`));
}

test('shared/ (the engine) imports neither vscode, the language server library, nor server/ or client/', () => {
  assert.deepEqual(violations(['shared'], (s) => /^vscode(-languageserver|$)/.test(s) || s.startsWith('server/') || s.startsWith('client/')), []);
});

test('only server/lsp imports vscode-languageserver', () => {
  assert.deepEqual(violations(['server'], (s) => s.startsWith('vscode-languageserver')).filter((v) => !v.startsWith('server/lsp/')), []);
});

test('analysis knows nothing of rules, the CLI or the language server', () => {
  assert.deepEqual(violations(['server/analysis'], (s) => /^server\/(rules|cli|lsp|loop|hygiene)\b/.test(s) || s === 'server/lint-file'), []);
});

test('what the CLI and the language server share never imports the CLI', () => {
  const shared = ['server/analysis', 'server/rules', 'server/lsp', 'server/loop', 'server/hygiene'];
  // loop/cli.ts is the CLI's own view of the loop (its report lines).
  const found = [
    ...violations(shared, (s) => s.startsWith('server/cli/'), ['server/loop/cli.ts']),
    ...importsOf(join(root, 'server/lint-file.ts')).filter((s) => s.startsWith('server/cli/')).map((s) => `server/lint-file.ts -> ${s}`),
  ];
  assert.deepEqual(found, []);
});

test('the checks see imports at all (a broken pattern would pass everything)', () => {
  assert.ok(importsOf(join(root, 'server/rules/run.ts')).includes('server/analysis/model'));
  assert.ok(importsOf(join(root, 'server/lint-file.ts')).includes('server/rules/run'));
});
