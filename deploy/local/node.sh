#!/usr/bin/env bash
# Starts or stops one app node of the local production topology (up.sh starts both):
#   deploy/local/node.sh start 1|2     start the node in Production and wait until /health/ready answers
#   deploy/local/node.sh stop 1|2      SIGTERM, as an orchestrator stops a container
#   deploy/local/node.sh kill 1|2      SIGKILL, as a crash or an out-of-memory kill ends it
# Settings in this script's environment (Seed__AdminEmail, Resend__ApiKey, Resend__BaseUrl...) reach the node.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/topology.env.sh"
action="${1:?start or stop}" node="${2:?1 or 2}"
case "$node" in 1) port=$NODE1_PORT ;; 2) port=$NODE2_PORT ;; *) echo "There are nodes 1 and 2." >&2; exit 2 ;; esac
name="node$node"

case "$action" in
  stop) stop_pid "$name"; exit 0 ;;
  kill)
    pid="$(cat "$LOCAL_DIR/$name.pid" 2>/dev/null || true)"
    if [ -n "$pid" ]; then
      kill -9 "$pid" 2>/dev/null || true
      # Gone, or a zombie nobody has reaped yet: either way it serves nothing.
      for _ in $(seq 1 100); do grep -qs '^[0-9]* ([^)]*) [^Z]' "/proc/$pid/stat" || break; sleep 0.1; done
    fi
    rm -f "$LOCAL_DIR/$name.pid"; exit 0 ;;
  start)
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then echo "$name is already running"; exit 0; fi ;;
  *) echo "start, stop or kill" >&2; exit 2 ;;
esac

began=$(date +%s.%N)
start_dotnet "$name" "$LOCAL_DIR/app/Marketplace.dll" "$port" \
  ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Marketplace="Host=127.0.0.1;Port=$PG_PORT;Database=marketplace;Username=marketplace;Password=$PG_PASSWORD" \
  ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" \
  Site__PublicUrl="http://127.0.0.1:$NGINX_PORT" \
  Watermarking__FingerprintKey="$FINGERPRINT_KEY" \
  Downloads__SigningKeys__local1="$DOWNLOAD_SIGNING_KEY" Downloads__AccelRedirectPrefix=/internal-downloads/ \
  AllowedHosts="127.0.0.1;localhost" \
  Storage__Provider=disk Storage__Path="$LOCAL_DIR/files" \
  Stripe__SecretKey="$STRIPE_KEY" Stripe__ApiBase="http://127.0.0.1:$SANDBOX_PORT/stripe-sandbox" \
  Stripe__WebhookSecret="$WEBHOOK_SECRET" Stripe__ConnectWebhookSecret="$CONNECT_WEBHOOK_SECRET"
wait_for "http://127.0.0.1:$port/health/ready" "$name"
echo "$name ready in $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $began }") s"
