#!/bin/sh
# Run once by the postgis image when its volume is new (docker-entrypoint-initdb.d), as the admin
# (POSTGRES_USER, who owns the database and, through the one-shot setup, the tables). The editors'
# and readers' logins, each with its password; nobody but the admin creates anything; the tables
# the admin makes from now on give the editors their rows (read, add, change, delete) and the
# readers SELECT, nothing else (the same grants as deploy/postgres.py). The image made the extension.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v editor_pw="$ATLAS_EDITOR_DB_PASSWORD" -v reader_pw="$ATLAS_READER_DB_PASSWORD" <<'SQL'
CREATE ROLE atlas_editor LOGIN PASSWORD :'editor_pw';
CREATE ROLE atlas_reader LOGIN PASSWORD :'reader_pw';
REVOKE ALL ON DATABASE atlas FROM PUBLIC;
GRANT CONNECT ON DATABASE atlas TO atlas_editor, atlas_reader;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO atlas_editor, atlas_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE atlas_admin IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO atlas_editor;
ALTER DEFAULT PRIVILEGES FOR ROLE atlas_admin IN SCHEMA public
  GRANT SELECT ON TABLES TO atlas_reader;
SQL
