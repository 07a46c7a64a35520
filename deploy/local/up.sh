#!/usr/bin/env bash
# The docker-compose topology without Docker, on loopback only, from Debian's packages: one PostgreSQL cluster, one
# redis-server, the Stripe sandbox as a process of its own, two app nodes of the published production build in
# Production, and nginx in front with deploy/nginx/nginx.conf. Installs nginx, redis-server and PostgreSQL when
# missing. Everything stops by itself after MARKETPLACE_LOCAL_TTL seconds (default 1800), or with deploy/local/down.sh.
#
#   deploy/local/up.sh                 publish, start, wait until every part is ready, print the addresses
#   deploy/local/up.sh --no-publish    reuse the last published build
#
# Ports (env): MARKETPLACE_LOCAL_PORT (nginx, 28080), +1 and +2 the nodes, +10 the sandbox, +20 PostgreSQL, +30 Redis.
# Settings in this script's environment (Seed__AdminEmail, Resend__ApiKey, Resend__BaseUrl...) reach both nodes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
source "$here/topology.env.sh"

publish=true
[ "${1:-}" = "--no-publish" ] && publish=false

install_missing() {
  local missing=()
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v redis-server >/dev/null || missing+=(redis-server)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql-15)
  [ ${#missing[@]} -eq 0 ] && return
  echo "Installing ${missing[*]}..."
  # Debian starts a package's service on install; this topology runs its own, on its own ports.
  local policy=/usr/sbin/policy-rc.d created=false
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null; as_root chmod +x "$policy"; created=true; fi
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  if $created; then as_root rm -f "$policy"; fi
}

start_postgres() {
  local data="$LOCAL_DIR/pg"
  mkdir -p "$LOCAL_DIR/pg-socket"
  if [ ! -s "$data/PG_VERSION" ]; then
    mkdir -p "$data"; printf '%s\n' "$PG_PASSWORD" > "$LOCAL_DIR/pg-password"
    chown_pg "$data" "$LOCAL_DIR/pg-socket" "$LOCAL_DIR/pg-password"
    as_pg "$PG_BIN/initdb" -D "$data" -U marketplace --auth=scram-sha-256 --pwfile="$LOCAL_DIR/pg-password" -E UTF8 >/dev/null
  fi
  touch "$LOCAL_DIR/postgres.log"
  chown_pg "$LOCAL_DIR/pg-socket" "$LOCAL_DIR/postgres.log"
  as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$LOCAL_DIR/postgres.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$LOCAL_DIR/pg-socket -c max_connections=300" >/dev/null
  for db in marketplace stripe_sandbox; do
    PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U marketplace -d postgres -tAc \
      "select 1 from pg_database where datname = '$db'" | grep -q 1 \
      || PGPASSWORD="$PG_PASSWORD" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U marketplace "$db"
  done
}

start_nginx() {
  local conf="$LOCAL_DIR/nginx.conf"
  # The repository's nginx.conf with docker-compose's names and ports turned into this topology's loopback ones.
  sed -e "s#server app1:8080#server 127.0.0.1:$NODE1_PORT#; s#server app2:8080#server 127.0.0.1:$NODE2_PORT#" \
      -e "s#listen 80 default_server;#listen 127.0.0.1:$NGINX_PORT default_server;#" \
      -e "s#^pid .*#pid $LOCAL_DIR/nginx.pid;#; s#/var/log/nginx/#$LOCAL_DIR/nginx-#g" \
      -e "s#alias /var/lib/marketplace/files/;#alias $LOCAL_DIR/files/;#" \
      "$repo/deploy/nginx/nginx.conf" > "$conf"
  for expected in "127.0.0.1:$NODE1_PORT" "127.0.0.1:$NODE2_PORT" "listen 127.0.0.1:$NGINX_PORT" "pid $LOCAL_DIR/nginx.pid" "alias $LOCAL_DIR/files/"; do
    grep -q "$expected" "$conf" || { echo "deploy/nginx/nginx.conf changed shape: '$expected' could not be set in it." >&2; exit 1; }
  done
  mkdir -p "$LOCAL_DIR/nginx-temp"
  "$NGINX" -e "$LOCAL_DIR/nginx-error.log" -p "$LOCAL_DIR/nginx-temp" -c "$conf" -t -q
  "$NGINX" -e "$LOCAL_DIR/nginx-error.log" -p "$LOCAL_DIR/nginx-temp" -c "$conf"
}

install_missing
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
"$here/down.sh" --quiet
mkdir -p "$LOCAL_DIR/files"
started=$(date +%s.%N)

if $publish; then
  "$repo/deploy/publish.sh" "$LOCAL_DIR/app"
  dotnet publish "$repo/src/Marketplace.StripeSandbox.Host" -c Release -nologo -clp:ErrorsOnly -o "$LOCAL_DIR/sandbox"
fi
published=$(date +%s.%N)

start_postgres
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --daemonize yes \
  --pidfile "$LOCAL_DIR/redis.pid" --logfile "$LOCAL_DIR/redis.log" --dir "$LOCAL_DIR"

start_dotnet sandbox "$LOCAL_DIR/sandbox/Marketplace.StripeSandbox.Host.dll" "$SANDBOX_PORT" \
  ASPNETCORE_ENVIRONMENT=Development \
  ConnectionStrings__StripeSandbox="Host=127.0.0.1;Port=$PG_PORT;Database=stripe_sandbox;Username=marketplace;Password=$PG_PASSWORD" \
  Stripe__Sandbox__PublicUrl="http://127.0.0.1:$SANDBOX_PORT" \
  Stripe__Sandbox__WebhookUrl="http://127.0.0.1:$NGINX_PORT/api/webhooks/stripe" \
  Stripe__Sandbox__ApiKey="$STRIPE_KEY" \
  Stripe__Sandbox__WebhookSecret="$WEBHOOK_SECRET" Stripe__Sandbox__ConnectWebhookSecret="$CONNECT_WEBHOOK_SECRET"

# Like docker-compose: the second node starts once the first is ready, so one node applies the schema.
"$here/node.sh" start 1
node1_ready=$(date +%s.%N)
"$here/node.sh" start 2
wait_for "http://127.0.0.1:$SANDBOX_PORT/health" sandbox
start_nginx
wait_for "http://127.0.0.1:$NGINX_PORT/health/ready" nginx
ready=$(date +%s.%N)

# The backstop: whatever happens to the caller, the topology stops by itself.
setsid bash -c "sleep $TTL; '$here/down.sh' --quiet" >/dev/null 2>&1 < /dev/null &
echo $! > "$LOCAL_DIR/watchdog.pid"

seconds() { awk "BEGIN { printf \"%.1f\", $1 - $2 }"; }
printf '%s\n' "publish_seconds=$(seconds "$published" "$started")" "node1_ready_seconds=$(seconds "$node1_ready" "$published")" \
  "topology_ready_seconds=$(seconds "$ready" "$published")" > "$LOCAL_DIR/timings"
cat <<INFO
The local production topology is up (state in $LOCAL_DIR; it stops by itself in $TTL s):
  marketplace through nginx  http://127.0.0.1:$NGINX_PORT
  node 1, node 2             http://127.0.0.1:$NODE1_PORT  http://127.0.0.1:$NODE2_PORT
  Stripe sandbox             http://127.0.0.1:$SANDBOX_PORT/stripe-sandbox
  PostgreSQL, Redis          127.0.0.1:$PG_PORT (marketplace / $PG_PASSWORD), 127.0.0.1:$REDIS_PORT
  timings                    $(tr '\n' ' ' < "$LOCAL_DIR/timings")
Stop it with deploy/local/down.sh.
INFO
