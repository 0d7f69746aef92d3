#!/usr/bin/env bash
# Installs what the end-to-end tests need on a fresh Debian machine, once, then reuses it:
# Debian's chromium and ripgrep (apt, when run as root and missing), and code-server 4.99.4 plus
# playwright-core in .e2e/ (git-ignored), outside the project's own dependencies: they are a
# 300 MB test tool, not part of tracelint. See /work/shared/vscode-e2e.md for why each step.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
E2E="$ROOT/.e2e"
CODE_SERVER_VERSION=4.99.4
PLAYWRIGHT_VERSION=1.65.1

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "e2e setup: missing ${need_apt[*]}; install them (apt-get install ${need_apt[*]}) or run as root" >&2
    exit 2
  fi
  echo "e2e setup: apt-get install ${need_apt[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

stamp="$E2E/installed-$CODE_SERVER_VERSION-$PLAYWRIGHT_VERSION"
if [ -f "$stamp" ] && [ -x "$E2E/node_modules/.bin/code-server" ]; then
  exit 0
fi
mkdir -p "$E2E"
# @vscode/ripgrep downloads rg from GitHub in its postinstall unless its cache already holds the
# archive: give it Debian's rg under the name it looks for.
export TMPDIR="$E2E/tmp"
cache="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache/bin"
cp "$(command -v rg)" "$cache/bin/rg"
tar -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$cache/bin" rg
[ -f "$E2E/package.json" ] || echo '{ "name": "tracelint-e2e-tools", "private": true }' > "$E2E/package.json"
echo "e2e setup: npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION (a few minutes, once)" >&2
# unsafe_perm: code-server's postinstall refuses root otherwise; yes: node-pty's postinstall runs
# `npx node-gyp`; the install scripts of this tool folder are allowed (npm 11 blocks them by default).
( cd "$E2E" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
    npm install --no-audit --no-fund --loglevel=error --save-exact \
    "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >"$E2E/install.log" 2>&1 ) || {
  tail -40 "$E2E/install.log" >&2
  exit 2
}
touch "$stamp"
