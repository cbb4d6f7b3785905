#!/usr/bin/env bash
# Restores a dump of ops/backup.sh into a NEW database (never over an existing one), then the
# portal can be pointed at it (PORTAL_DB_URL=jdbc:postgresql://host:port/NEW_DATABASE).
#
#   ops/restore.sh /var/backups/portal/portal-2026-12-01.dump portal_restored
#
# The connection comes from libpq's variables (PGHOST, PGPORT, PGUSER, PGPASSWORD); the user
# needs the right to create databases. On any error the half-restored database is dropped.
set -euo pipefail

dump=${1:?usage: ops/restore.sh DUMP NEW_DATABASE}
target=${2:?usage: ops/restore.sh DUMP NEW_DATABASE}
[[ -r "$dump" ]] || { echo "restore: cannot read $dump" >&2; exit 1; }
[[ "$target" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "restore: use a plain database name (a-z, 0-9, _), not '$target'" >&2; exit 1; }

exists=$(psql --dbname=postgres --no-psqlrc --tuples-only --no-align \
    --command="SELECT 1 FROM pg_database WHERE datname = '$target'")
if [[ -n "$exists" ]]; then
    echo "restore: database $target already exists; restore into a new one" >&2
    exit 1
fi

psql --dbname=postgres --no-psqlrc --quiet --command="CREATE DATABASE \"$target\""
if ! pg_restore --exit-on-error --no-owner --no-privileges --single-transaction --dbname="$target" "$dump"; then
    psql --dbname=postgres --no-psqlrc --quiet --command="DROP DATABASE \"$target\""
    echo "restore: failed; $target was dropped" >&2
    exit 1
fi
psql --dbname="$target" --no-psqlrc --quiet --command="ANALYZE"
echo "restored $dump into database $target"
