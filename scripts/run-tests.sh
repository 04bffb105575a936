#!/usr/bin/env bash
# The whole suite: everything on SQLite, then the database-facing tests again on a throwaway PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBUG=1
BIN=.venv/bin
status=0

$BIN/pytest "$@" || status=$?

pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)" 2>/dev/null || true)
if [ -x "$pg_bin/pg_ctl" ]; then
  pgdir=$(mktemp -d /tmp/newsline-pg.XXXXXX)
  run_as=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; run_as=(runuser -u postgres --); fi
  port=$($BIN/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${run_as[@]}" "$pg_bin/initdb" -D "$pgdir/data" -U newsline --auth=trust -E UTF8 >/dev/null
  "${run_as[@]}" "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-k $pgdir -p $port -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  trap '"${run_as[@]}" "$pg_bin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null; rm -rf "$pgdir"' EXIT
  echo "PostgreSQL server from $pg_bin on port $port: the database tests again"
  DATABASE_URL="postgres://newsline@127.0.0.1:$port/newsline" $BIN/pytest -m "not browser" tests/timeline tests/exports -q -p no:cacheprovider || status=$?
elif [ "${CI:-}" = true ]; then
  echo "PostgreSQL is not installed: failing because CI=true." >&2
  status=1
else
  echo "PostgreSQL is not installed: skipping the PostgreSQL run." >&2
fi
exit $status
