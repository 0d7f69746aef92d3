// Entry of dist/analysis.js: the source analysis (tree-sitter for Python) and the rules, bundled
// apart from dist/cli.js and dist/server.js so that a scan of traces alone (or `redact`, or
// `--version`), and a language server that has opened only traces, neither load nor even compile
// them. The bundles require this file at the first source file they meet: esbuild.mjs maps each
// dynamic import of these modules onto one namespace below (keep the two lists in step). The
// TypeScript front-end (the TypeScript compiler and typescript-estree, most of the weight) is a
// bundle of its own again, dist/analysis-ts.js, required at the first TS/JS file (analysis/index.ts).
export * as analysis from './analysis/index';
export * as run from './rules/run';
export * as rules from './rules/index';
export * as slowRules from './rules/slow';
