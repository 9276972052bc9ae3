#!/usr/bin/env bash
# Runs the platform on its embedded default: SQLite in ./data, the Odenwaldkreis demo data seeded
# into an empty data directory, all modules from modules/ as plugins. Open http://127.0.0.1:5080.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project host/IntegrationsPlattform.Host --launch-profile Demo -- \
  --environment Demo \
  --Platform:DataDirectory="${DATA_DIR:-$PWD/data}" \
  --urls "${URLS:-http://127.0.0.1:5080}" "$@"
