#!/bin/sh
# Run once by the postgis image when its volume is new (docker-entrypoint-initdb.d): the editors'
# login owns the database (it creates the tables), the readers' login may connect (the `setup`
# service then grants it SELECT on the tables, nothing else). The image made the extension.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v editor_pw="$ATLAS_EDITOR_DB_PASSWORD" -v reader_pw="$ATLAS_READER_DB_PASSWORD" <<'SQL'
CREATE ROLE atlas_editor LOGIN PASSWORD :'editor_pw';
CREATE ROLE atlas_reader LOGIN PASSWORD :'reader_pw';
ALTER DATABASE atlas OWNER TO atlas_editor;
ALTER SCHEMA public OWNER TO atlas_editor;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
