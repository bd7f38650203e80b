#!/bin/bash
# Run once by the postgres image, on the first start with an empty data volume (docker-compose.yml mounts it into
# /docker-entrypoint-initdb.d/): one database per service, each owned by a role of its own that can reach no other
# service's database. The superuser (POSTGRES_USER) stays the administrator's; no service uses it. Each service
# creates and migrates its own tables at start (Flyway).
set -euo pipefail
for service in dossier payment indicator; do
    variable="DVC_${service^^}_DB_PASSWORD"
    password="${!variable:?set $variable in .env}"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v role="$service" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
-- Only its owner (and the superuser) may connect: another service's role is refused.
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
