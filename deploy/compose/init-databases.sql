-- Run once by the postgres image, on the first start with an empty data volume
-- (docker-compose.yml mounts it into /docker-entrypoint-initdb.d/): one database per service.
-- Each service creates and migrates its own tables at start (Flyway).
CREATE DATABASE dossier;
CREATE DATABASE payment;
CREATE DATABASE indicator;
