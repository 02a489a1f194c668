#!/bin/bash
# One database and one role per service: a service can neither read nor write another's data.
# Passwords come from the environment (docker-compose passes them from .env), never from this file.
set -euo pipefail
for service in intake triage notification case postmortem regulatory; do
  password_var="VIGIE_$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="${!password_var:?$password_var must be set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="vigie_$service" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
