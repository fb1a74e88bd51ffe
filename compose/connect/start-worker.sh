#!/usr/bin/env bash
# Entrypoint of the compose Connect image: renders local mode's worker configuration (the same file, copied into
# the image) from the environment, then starts a distributed worker with it. An undefined variable stops the start.
set -euo pipefail
template=/opt/connect/connect-distributed.properties
config=/tmp/connect-distributed.properties
sed "s|\${platform.connect.pluginPath}|${CONNECT_PLUGIN_PATH}|" "$template" | awk '
  /^#/ { print; next }
  {
    line = $0; out = ""
    while (match(line, /\$\{[A-Za-z_][A-Za-z0-9_]*\}/)) {
      name = substr(line, RSTART + 2, RLENGTH - 3)
      if (!(name in ENVIRON)) { print "start-worker: variable " name " is not set" > "/dev/stderr"; exit 3 }
      out = out substr(line, 1, RSTART - 1) ENVIRON[name]
      line = substr(line, RSTART + RLENGTH)
    }
    print out line
  }' > "$config"
exec /opt/kafka/bin/connect-distributed.sh "$config"
