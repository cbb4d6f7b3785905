#!/usr/bin/env bash
# Backs up the portal's database with pg_dump's custom format (compressed; pg_restore can restore
# it whole or in parts, in parallel). Safe while the portal runs: pg_dump reads one consistent
# snapshot and blocks no writer.
#
#   ops/backup.sh /var/backups/portal/portal-$(date +%F).dump
#
# The connection comes from libpq's variables: PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass),
# PGDATABASE (default: portal). pg_dump must be of the server's major version or newer.
set -euo pipefail

out=${1:?usage: ops/backup.sh OUTPUT.dump}
database=${PGDATABASE:-portal}

# written beside its final name, then renamed: a half-written dump never looks like a backup
pg_dump --format=custom --no-owner --no-privileges --file="$out.partial" --dbname="$database"
# a dump that pg_restore cannot list is no backup
pg_restore --list "$out.partial" >/dev/null
mv "$out.partial" "$out"
echo "backup of $database: $out ($(du -h "$out" | cut -f1))"
