#!/usr/bin/env bash
# Starts or stops one app node of the local production topology (up.sh starts both):
#   deploy/local/node.sh start 1|2     start the node in Production and wait until /health/ready answers
#   deploy/local/node.sh stop 1|2      SIGTERM, as an orchestrator stops a container
# Settings in this script's environment (Seed__AdminEmail, Resend__ApiKey, Resend__BaseUrl...) reach the node.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/topology.env.sh"
action="${1:?start or stop}" node="${2:?1 or 2}"
case "$node" in 1) port=$NODE1_PORT ;; 2) port=$NODE2_PORT ;; *) echo "There are nodes 1 and 2." >&2; exit 2 ;; esac
name="node$node"

if [ "$action" = stop ]; then
  stop_pid "$name"
  exit 0
fi

began=$(date +%s.%N)
start_dotnet "$name" "$LOCAL_DIR/app/Marketplace.dll" "$port" \
  ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Marketplace="Host=127.0.0.1;Port=$PG_PORT;Database=marketplace;Username=marketplace;Password=$PG_PASSWORD" \
  ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" \
  Site__PublicUrl="http://127.0.0.1:$NGINX_PORT" \
  AllowedHosts="127.0.0.1;localhost" \
  Storage__Provider=disk Storage__Path="$LOCAL_DIR/files" \
  Stripe__SecretKey="$STRIPE_KEY" Stripe__ApiBase="http://127.0.0.1:$SANDBOX_PORT/stripe-sandbox" \
  Stripe__WebhookSecret="$WEBHOOK_SECRET" Stripe__ConnectWebhookSecret="$CONNECT_WEBHOOK_SECRET"
wait_for "http://127.0.0.1:$port/health/ready" "$name"
echo "$name ready in $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $began }") s"
