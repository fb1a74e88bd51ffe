#!/bin/sh
# First start of the postgres volume only (docker-entrypoint-initdb.d): the databases beside POSTGRES_DB,
# as local mode's launcher creates them: the registry's schemas and the JDBC sinks' tables.
set -eu
for database in "$APICURIO_DB" "$ANALYTICS_DB"; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v name="$database" <<'SQL'
SELECT format('CREATE DATABASE %I', :'name') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name')
\gexec
SQL
done
