# Shared by up.sh and down.sh: where the local topology keeps its state, its ports and secrets, and how to run
# commands as root and as the postgres user.
repo_hash="$(printf '%s' "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)" | md5sum | cut -c1-8)"
# Under /var/tmp, not the checkout: PostgreSQL runs as the postgres user, who may not reach the checkout.
LOCAL_DIR="${MARKETPLACE_LOCAL_DIR:-/var/tmp/marketplace-local-$repo_hash}"
NGINX_PORT="${MARKETPLACE_LOCAL_PORT:-28080}"
NODE1_PORT=$((NGINX_PORT + 1))
NODE2_PORT=$((NGINX_PORT + 2))
SANDBOX_PORT=$((NGINX_PORT + 10))
PG_PORT=$((NGINX_PORT + 20))
REDIS_PORT=$((NGINX_PORT + 30))
TTL="${MARKETPLACE_LOCAL_TTL:-1800}"
PG_PASSWORD=marketplace-local
# The standalone sandbox accepts this key and signs with these secrets; the nodes are configured with the same.
STRIPE_KEY=sk_test_marketplace_sandbox
WEBHOOK_SECRET=whsec_marketplace_local_platform
CONNECT_WEBHOOK_SECRET=whsec_marketplace_local_connect
FINGERPRINT_KEY=marketplace-local-topology-fingerprint-key
DOWNLOAD_SIGNING_KEY=marketplace-local-topology-download-signing-key

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
chown_pg() { if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$@"; fi; }

wait_for() { # url, name: until it answers 2xx, for up to a minute; a process of that name that exits fails it
  local pid; pid="$(cat "$LOCAL_DIR/$2.pid" 2>/dev/null || true)"
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then echo "$2 exited; its log:" >&2; tail -n 40 "$LOCAL_DIR/$2.log" >&2; exit 1; fi
    sleep 0.25
  done
  echo "$2 did not become ready at $1; its log:" >&2; tail -n 40 "$LOCAL_DIR/$2.log" >&2; exit 1
}

start_dotnet() { # name, dll, port, then environment assignments
  local name="$1" dll="$2" port="$3"; shift 3
  (cd "$(dirname "$dll")" && exec env "$@" setsid dotnet "$dll" --urls "http://127.0.0.1:$port" >"$LOCAL_DIR/$name.log" 2>&1) &
  echo $! > "$LOCAL_DIR/$name.pid"
}

stop_pid() { # name: SIGTERM, then SIGKILL after 20 s
  local file="$LOCAL_DIR/$1.pid" pid
  [ -s "$file" ] || return 0
  pid="$(cat "$file")"
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 80); do grep -qs '^[0-9]* ([^)]*) [^Z]' "/proc/$pid/stat" || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

