// Entry of dist/cli-analysis.js: the source analysis (TypeScript compiler, typescript-estree,
// tree-sitter) and the rules, bundled apart from dist/cli.js so that a scan of traces alone (or
// `redact`, or `--version`) neither loads nor even compiles them. dist/cli.js requires this file
// at the first source file it meets: esbuild.mjs maps each dynamic import of these modules in the
// CLI onto one namespace below (keep the two lists in step).
export * as analysis from '../analysis/index';
export * as run from '../rules/run';
export * as rules from '../rules/index';
export * as slowRules from '../rules/slow';
