#!/usr/bin/env bash
# The scan step of action.yml: builds tracelint from the action's checkout when its dist/ is not
# there, scans $TRACELINT_PATHS into SARIF ($TRACELINT_SARIF), prints the findings, and writes the
# step's outputs: sarif-file, findings (how many at or above $TRACELINT_FAIL_ON) and status (the
# exit code the job's last step ends with: 0, 1 for findings at or above fail-on, 2 for a usage or
# configuration error). It exits 0 itself whenever a report was written, so that the report is
# uploaded before the job fails.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${GITHUB_OUTPUT:-/dev/null}"
fail_on="${TRACELINT_FAIL_ON:-error}"
sarif="${TRACELINT_SARIF:-tracelint.sarif}"
case "$fail_on" in
  error|warning|note|none) ;;
  *) echo "tracelint: fail-on must be error, warning, note or none (got \"$fail_on\")" >&2; echo "status=2" >>"$out"; exit 2 ;;
esac

if [ ! -f "$here/dist/cli.js" ]; then
  echo "tracelint: building from $here (npm ci, node esbuild.mjs)"
  ( cd "$here" && npm ci --no-audit --no-fund --loglevel=error && node esbuild.mjs --production ) || { echo "status=2" >>"$out"; exit 2; }
fi

# Paths: separated by spaces or new lines; none given means the repository root.
read -r -d '' -a paths <<<"${TRACELINT_PATHS:-.}" || true
[ ${#paths[@]} -gt 0 ] || paths=(.)
mkdir -p "$(dirname "$sarif")"
args=(scan "${paths[@]}" --format sarif -o "$sarif")
[ -z "${TRACELINT_BASELINE:-}" ] || args+=(--baseline "$TRACELINT_BASELINE")
[ -z "${TRACELINT_CONFIG:-}" ] || args+=(--config "$TRACELINT_CONFIG")

node "$here/dist/cli.js" "${args[@]}"
code=$?
if [ "$code" -ge 2 ] || [ ! -f "$sarif" ]; then
  echo "status=2" >>"$out"
  exit 2
fi

# The findings, for the log (masked as in every report), and how many reach fail-on.
node "$here/scripts/action-summary.mjs" "$sarif" "$fail_on" >"$sarif.count" || { echo "status=2" >>"$out"; exit 2; }
count="$(cat "$sarif.count")"
rm -f "$sarif.count"
{
  echo "sarif-file=$sarif"
  echo "findings=$count"
  if [ "$fail_on" != none ] && [ "$count" -gt 0 ]; then echo "status=1"; else echo "status=0"; fi
} >>"$out"
exit 0
