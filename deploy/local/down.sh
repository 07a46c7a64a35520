#!/usr/bin/env bash
# Stops the local production topology of up.sh: nginx, both nodes, the sandbox, Redis and PostgreSQL.
#   deploy/local/down.sh            stop, keep the data for the next up.sh
#   deploy/local/down.sh --purge    stop and delete the state folder (database, files, logs, published build)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/topology.env.sh"
quiet=false purge=false
for arg in "$@"; do case "$arg" in --quiet) quiet=true ;; --purge) purge=true ;; esac; done
[ -d "$LOCAL_DIR" ] || exit 0

stop_pid nginx
stop_pid node2
stop_pid node1
stop_pid sandbox
stop_pid redis
if [ -s "$LOCAL_DIR/pg/postmaster.pid" ]; then
  as_pg "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" -D "$LOCAL_DIR/pg" -m fast -w stop >/dev/null 2>&1
fi
watchdog="$(cat "$LOCAL_DIR/watchdog.pid" 2>/dev/null)"
[ -n "$watchdog" ] && [ "$watchdog" != "$PPID" ] && kill "$watchdog" 2>/dev/null
rm -f "$LOCAL_DIR/watchdog.pid"
$purge && rm -rf "$LOCAL_DIR"
$quiet || echo "The local production topology is stopped."
