#!/bin/sh
# Entrypoint of the compose Prometheus: renders the scrape targets' ports from the environment (the root .env), then
# runs Prometheus with them. An unset variable stops the start with its name.
set -eu
config=/tmp/prometheus.yml
cp /etc/prometheus/prometheus.template.yml "$config"
for name in KAFKA_METRICS_PORT CONNECT_METRICS_PORT PIPELINE_PORT SEEDER_PORT; do
  value=$(printenv "$name") || { echo "start-prometheus: variable $name is not set" >&2; exit 3; }
  sed -i "s/\${$name}/$value/g" "$config"
done
exec /bin/prometheus --config.file="$config" --storage.tsdb.path=/prometheus \
  --web.listen-address=":${PROMETHEUS_PORT}"
