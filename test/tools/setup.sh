#!/usr/bin/env bash
# Installs what the tools tests drive, once: Debian's pre-commit and neovim (apt, when run as root
# and missing), as test/e2e/setup.sh installs chromium.
set -euo pipefail
need_apt=()
command -v pre-commit >/dev/null || need_apt+=(pre-commit)
command -v nvim >/dev/null || need_apt+=(neovim)
command -v unshare >/dev/null || need_apt+=(util-linux)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "tools setup: missing ${need_apt[*]}; install them (apt-get install ${need_apt[*]}) or run as root" >&2
    exit 2
  fi
  echo "tools setup: apt-get install ${need_apt[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
