#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 cluster on 127.0.0.1 for the tests, run a command with
# EVENTWIRE_TEST_PG_URL pointing at it, then stop and delete the cluster.
#   scripts/pg-test-server.sh pytest ...
# Uses the binaries on the image (/usr/lib/postgresql/15/bin); installs Debian's
# postgresql-15 with apt when they are missing. As root, the server runs as user postgres.
set -euo pipefail
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$PGBIN/initdb" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  fi
fi
if [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL 15 not available: running without PostgreSQL tests" >&2
  exec "$@"
fi
PORT="${EVENTWIRE_PG_PORT:-55432}"
DIR="$(mktemp -d /tmp/eventwire-pg.XXXXXX)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-h 127.0.0.1 -p $PORT -k $DIR -F" start >/dev/null
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres eventwire_test
export EVENTWIRE_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/eventwire_test"
echo "PostgreSQL 15 test server on 127.0.0.1:$PORT" >&2
"$@"
