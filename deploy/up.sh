#!/usr/bin/env bash
# One machine, the production shape: nginx in front of two app servers, a PostgreSQL primary and a
# streaming-replica standby (made with pg_basebackup) that read-only reports and the cockpit read from.
#   deploy/up.sh            start everything (installs nginx with apt-get when run as root and it is missing)
#   deploy/down.sh          stop everything (--purge also deletes the data folder)
# Settings (environment): DEPLOY_DIR (/tmp/chanjiao-deploy), LISTEN_PORT (8080), APP_PORTS ("3101 3102"),
# PRIMARY_PORT (55432), STANDBY_PORT (55433), DEMO_SCALE (demo), SEED_DEMO (true), DEMO_PASSWORD, PII_KEY
# (generated once into DEPLOY_DIR/pii.key when absent), SKIP_WEB_BUILD=1 to serve the API only.
# The clusters listen on 127.0.0.1 only and trust local connections: a single-machine setup. Across machines,
# give the replication role a password (scram-sha-256 in pg_hba.conf) and put TLS in front of nginx.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEPLOY_DIR=${DEPLOY_DIR:-/tmp/chanjiao-deploy}
LISTEN_PORT=${LISTEN_PORT:-8080}
APP_PORTS=${APP_PORTS:-"3101 3102"}
PRIMARY_PORT=${PRIMARY_PORT:-55432}
STANDBY_PORT=${STANDBY_PORT:-55433}
NODE="$ROOT/node_modules/.bin/node"

say() { printf '[deploy] %s\n' "$*"; }
die() { printf '[deploy] %s\n' "$*" >&2; exit 1; }

# --- what the setup needs ------------------------------------------------------------------------------
[ -x "$NODE" ] || die "node_modules is missing: run npm install in $ROOT first"
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing nginx (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y nginx >/dev/null
  else
    die "nginx is missing: install Debian's package (sudo apt-get install nginx)"
  fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
PGBIN=$(pg_config --bindir 2>/dev/null || true)
[ -x "$PGBIN/initdb" ] || PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_basebackup" ] || die "PostgreSQL server binaries are missing: sudo apt-get install postgresql"

# PostgreSQL refuses to run as root: the clusters then belong to the postgres user.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root needs the postgres system user (from the postgresql package)"
  PG_USER=postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  PG_USER=$(id -un)
  as_pg() { "$@"; }
fi

[ -f "$DEPLOY_DIR/state" ] && die "$DEPLOY_DIR is already running (deploy/down.sh first)"
mkdir -p "$DEPLOY_DIR"/{logs,pg,run,nginx}
chmod 755 "$DEPLOY_DIR"
chown "$PG_USER" "$DEPLOY_DIR/pg" "$DEPLOY_DIR/run" "$DEPLOY_DIR/logs"
cat > "$DEPLOY_DIR/state" <<STATE
LISTEN_PORT=$LISTEN_PORT
APP_PORTS="$APP_PORTS"
PRIMARY_PORT=$PRIMARY_PORT
STANDBY_PORT=$STANDBY_PORT
PGBIN=$PGBIN
NGINX=$NGINX
STATE

# --- the primary -----------------------------------------------------------------------------------------
PRIMARY="$DEPLOY_DIR/pg/primary"
STANDBY="$DEPLOY_DIR/pg/standby"
if [ ! -f "$PRIMARY/PG_VERSION" ]; then
  say "creating the primary cluster ($PRIMARY)"
  as_pg "$PGBIN/initdb" -D "$PRIMARY" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >> "$PRIMARY/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DEPLOY_DIR/run'
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
hot_standby = on
CONF
  echo "host replication replicator 127.0.0.1/32 trust" >> "$PRIMARY/pg_hba.conf"
fi
say "starting the primary on port $PRIMARY_PORT"
as_pg "$PGBIN/pg_ctl" -D "$PRIMARY" -o "-p $PRIMARY_PORT" -l "$DEPLOY_DIR/logs/primary.log" -w start >/dev/null
PSQL=("$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres)
"${PSQL[@]}" -tc "select 1 from pg_roles where rolname = 'replicator'" | grep -q 1 \
  || "${PSQL[@]}" -c "create role replicator with replication login"
"${PSQL[@]}" -tc "select 1 from pg_database where datname = 'chanjiao'" | grep -q 1 \
  || "${PSQL[@]}" -c "create database chanjiao"

# --- the standby: a copy of the primary that follows its WAL stream --------------------------------------
if [ ! -f "$STANDBY/PG_VERSION" ]; then
  say "making the standby with pg_basebackup (replication slot chanjiao_standby)"
  "${PSQL[@]}" -tc "select 1 from pg_replication_slots where slot_name = 'chanjiao_standby'" | grep -q 1 \
    || "${PSQL[@]}" -c "select pg_create_physical_replication_slot('chanjiao_standby')" >/dev/null
  as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U replicator -D "$STANDBY" -R -X stream -S chanjiao_standby -c fast
fi
say "starting the standby on port $STANDBY_PORT"
as_pg "$PGBIN/pg_ctl" -D "$STANDBY" -o "-p $STANDBY_PORT" -l "$DEPLOY_DIR/logs/standby.log" -w start >/dev/null

# --- two app servers -------------------------------------------------------------------------------------
[ -f "$DEPLOY_DIR/pii.key" ] || { (umask 077; "$NODE" -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64'))" > "$DEPLOY_DIR/pii.key"); }
[ "${SKIP_WEB_BUILD:-}" = 1 ] || (cd "$ROOT" && PATH="$ROOT/node_modules/.bin:$PATH" "$NODE" scripts/ensure-web-build.ts)
cd "$ROOT"
start_app() {
  local port=$1
  say "starting an app server on port $port"
  # A simple command in the background: its pid ($!) is the server's own, which down.sh stops.
  PORT=$port HOST=127.0.0.1 TRUST_PROXY=true \
    DATABASE_URL="postgres://postgres@127.0.0.1:$PRIMARY_PORT/chanjiao" \
    DATABASE_READ_URL="postgres://postgres@127.0.0.1:$STANDBY_PORT/chanjiao" \
    PII_KEY="${PII_KEY:-$(cat "$DEPLOY_DIR/pii.key")}" DATA_DIR="$DEPLOY_DIR/app-$port" \
    setsid "$NODE" server/main.ts > "$DEPLOY_DIR/logs/app-$port.log" 2>&1 < /dev/null &
  echo $! > "$DEPLOY_DIR/run/app-$port.pid"
}
wait_healthy() {
  local port=$1 i
  for i in $(seq 1 1200); do
    curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$DEPLOY_DIR/run/app-$port.pid")" 2>/dev/null || die "the app server on $port stopped: see $DEPLOY_DIR/logs/app-$port.log"
    sleep 0.5
  done
  die "the app server on $port did not answer: see $DEPLOY_DIR/logs/app-$port.log"
}
# The first one migrates and loads the demo data; the others start on a ready database.
first=1
for port in $APP_PORTS; do
  start_app "$port"
  if [ $first = 1 ]; then wait_healthy "$port"; first=0; fi
done
for port in $APP_PORTS; do wait_healthy "$port"; done

# --- nginx in front --------------------------------------------------------------------------------------
upstreams=""
for port in $APP_PORTS; do upstreams+="    server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'; done
cat > "$DEPLOY_DIR/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $DEPLOY_DIR/run/nginx.pid;
error_log $DEPLOY_DIR/logs/nginx-error.log;
events { worker_connections 512; }
http {
  access_log $DEPLOY_DIR/logs/nginx-access.log;
  client_body_temp_path $DEPLOY_DIR/nginx/body;
  proxy_temp_path $DEPLOY_DIR/nginx/proxy;
  fastcgi_temp_path $DEPLOY_DIR/nginx/fastcgi;
  uwsgi_temp_path $DEPLOY_DIR/nginx/uwsgi;
  scgi_temp_path $DEPLOY_DIR/nginx/scgi;
  # Spreadsheet imports are up to IMPORT_MAX_BYTES (20 MB); the app answers 413 in its own shape above that.
  client_max_body_size 25m;
  upstream chanjiao {
$upstreams    keepalive 16;
  }
  server {
    listen $LISTEN_PORT;
    location / {
      proxy_pass http://chanjiao;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      # Replaced, not appended: the app (TRUST_PROXY=true) takes the client address sign-in throttling keys on
      # from here, and a client must not be able to claim another one.
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # A server that is stopped or restarting: the request goes to the other one (before anything was sent).
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
      proxy_read_timeout 300s;
    }
  }
}
CONF
say "starting nginx on port $LISTEN_PORT"
"$NGINX" -e "$DEPLOY_DIR/logs/nginx-error.log" -p "$DEPLOY_DIR/nginx" -c "$DEPLOY_DIR/nginx/nginx.conf" < /dev/null > /dev/null 2>&1
for i in $(seq 1 50); do curl -fs "http://127.0.0.1:$LISTEN_PORT/api/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$LISTEN_PORT/api/health" >/dev/null || die "nginx does not answer on $LISTEN_PORT: see $DEPLOY_DIR/logs/nginx-error.log"

say "ready: http://127.0.0.1:$LISTEN_PORT/  (app servers $APP_PORTS; primary :$PRIMARY_PORT, standby :$STANDBY_PORT; logs in $DEPLOY_DIR/logs)"
