#!/usr/bin/env bash
# Start or stop a PostgreSQL cluster on loopback for the tests, with a `ctip` role that may create databases.
set -euo pipefail
action=${1:-start}
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if [ "$action" = stop ]; then
  pg_ctlcluster "$ver" main stop >/dev/null 2>&1 || true
  exit 0
fi
if ! pg_lsclusters -h | grep -q "^$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
pg_ctlcluster "$ver" main status >/dev/null 2>&1 || pg_ctlcluster "$ver" main start
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='ctip'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"create user ctip with password 'ctip' createdb\""
echo "PostgreSQL $ver running on 127.0.0.1:5432 (user ctip)"
