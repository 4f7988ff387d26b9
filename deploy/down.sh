#!/usr/bin/env bash
# Stops what deploy/up.sh started, by the process ids it recorded: nginx, the app servers, the standby, the
# primary. `--purge` also deletes DEPLOY_DIR (databases, key, logs).
set -uo pipefail
DEPLOY_DIR=${DEPLOY_DIR:-/tmp/chanjiao-deploy}
say() { printf '[deploy] %s\n' "$*"; }
[ -f "$DEPLOY_DIR/state" ] || { say "nothing running in $DEPLOY_DIR"; [ "${1:-}" = --purge ] && rm -rf "$DEPLOY_DIR"; exit 0; }
# shellcheck disable=SC1091
. "$DEPLOY_DIR/state"
if [ "$(id -u)" = 0 ]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi

stop_pid() {
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$file"
}

say "stopping nginx"
stop_pid "$DEPLOY_DIR/run/nginx.pid"
for port in $APP_PORTS; do say "stopping the app server on $port"; stop_pid "$DEPLOY_DIR/run/app-$port.pid"; done
for cluster in standby primary; do
  if [ -f "$DEPLOY_DIR/pg/$cluster/postmaster.pid" ]; then
    say "stopping the $cluster"
    as_pg "$PGBIN/pg_ctl" -D "$DEPLOY_DIR/pg/$cluster" -m fast -w stop >/dev/null
  fi
done
rm -f "$DEPLOY_DIR/state"
if [ "${1:-}" = --purge ]; then rm -rf "$DEPLOY_DIR"; say "deleted $DEPLOY_DIR"; fi
