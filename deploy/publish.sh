#!/usr/bin/env bash
# Publishes the production build of the marketplace into a folder (default artifacts/publish/marketplace):
#   1. builds the app and has it write Wolverine's handler code (`codegen write`, Production handler set);
#   2. `dotnet publish -c Release` compiles that code in (TypeLoadMode.Static) and leaves out Roslyn and the
#      Stripe sandbox, which only the development build references (src/Marketplace/Marketplace.csproj).
# Used by deploy/local/up.sh and by the Dockerfile. Needs the .NET SDK and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-artifacts/publish/marketplace}")"
project=src/Marketplace/Marketplace.csproj

rm -rf src/Marketplace/Internal/Generated "$out"
dotnet build "$project" -c Release -nologo -clp:ErrorsOnly
# The connection string only keeps the embedded PostgreSQL from starting: code generation does not connect.
codegen_log="$(mktemp)"
if ! ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Marketplace="Host=127.0.0.1;Port=1;Database=codegen;Username=codegen;Password=codegen" \
  dotnet run --project "$project" -c Release --no-build --no-launch-profile -- codegen write >"$codegen_log" 2>&1; then
  cat "$codegen_log" >&2
  echo "codegen write failed: the production build cannot be made (see above)." >&2
  exit 1
fi
echo "Wrote $(grep -c '^Wrote generated code file' "$codegen_log") generated handler files"
rm -f "$codegen_log"
# Its own obj and bin folders, so the development build beside it stays as it is.
dotnet publish "$project" -c Release -nologo -clp:ErrorsOnly --artifacts-path artifacts/production-build -o "$out"
echo "Published the production build to $out"
