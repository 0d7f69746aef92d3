// Entry of dist/cli-analysis.js: the source analysis (TypeScript compiler, typescript-estree,
// tree-sitter) and the rule table, bundled apart from dist/cli.js so that a scan of traces alone
// (or `redact`, or `--version`) neither loads nor even compiles them. dist/cli.js requires this file
// at the first source file it meets (esbuild.mjs maps the analysis imports onto it).
export * from '../analysis/index';
export { UNUSED_SUPPRESSION } from '../analysis/lint';
export { RULES } from '../rules';
