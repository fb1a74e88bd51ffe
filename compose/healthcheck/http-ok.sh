#!/usr/bin/env bash
# Compose healthcheck without curl (not every image has it): exit 0 when GET http://HOST:PORT/PATH answers 200.
# Usage: http-ok.sh HOST PORT PATH
set -eu
exec 3<>"/dev/tcp/$1/$2"
printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$3" "$1" >&3
read -r _ status _ <&3
[ "$status" = 200 ]
