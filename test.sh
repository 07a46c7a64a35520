#!/usr/bin/env bash
# Runs every test: the integration tests (Alba on the embedded PostgreSQL) beside the production smoke (the published
# build in the local two-node topology of deploy/local, through nginx) and then the browser tests (Playwright in
# Debian's Chromium). Installs what a fresh Debian 12 machine lacks for them (Chromium, the PostgreSQL binaries, redis-server;
# deploy/local/up.sh adds nginx); the .NET SDK is expected.
set -euo pipefail
cd "$(dirname "$0")"

need_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v pg_config >/dev/null; then
  echo "Installing PostgreSQL server binaries (the tests start a private cluster from them)..."
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

if ! command -v redis-server >/dev/null; then
  echo "Installing Debian's redis-server (the two-node forum tests start a private one)..."
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

dotnet build Marketplace.sln --configuration Release -nologo -clp:ErrorsOnly
# The integration tests, the longest step, start at once; beside them run the production smoke (it publishes the
# production build and starts two nodes: a broken production path fails the run before the browser tests start), then
# the browser tests. Two cores stay busy, and the run takes the integration tests' time rather than the sum.
dotnet test tests/Marketplace.Tests --configuration Release --no-build "$@" &
integration=$!
status=0
dotnet test tests/Marketplace.ProductionTests --configuration Release --no-build "$@" || status=$?
if [ "$status" -eq 0 ]; then
  dotnet test tests/Marketplace.BrowserTests --configuration Release --no-build "$@" || status=$?
fi
wait "$integration" || status=$?
exit "$status"
