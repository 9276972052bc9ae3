#!/usr/bin/env bash
# Benchmark of the Lotsen module on the large demo set (see build/bench/README.md, "Lotsen"):
#   Release publish of the host (with its plugins) and of the load tool build/bench/LotsenLast;
#   a temporary data directory seeded with `seed-demo benchmark` (5,000 Lotsen, 100,000 requests,
#   12 municipalities, assignments); the host started on it as shipped (Demo environment) with the
#   MediatR timing lines on (LoggingBehavior at Debug) for the server time and the reload line of the
#   matching profiles; then LotsenLast measures (a) matching for one request, (a') the first matching
#   call after a registry change (profiles reloaded), (b) the Lotsen search with filters, (c) creating
#   requests with 8 and 32 clients — and the same rows with bare Dapper against the same SQLite file,
#   in the same run. The steps they share with the other module benchmarks are in modulbench.sh.
#
# Usage: build/bench/lotsen.sh [--no-build]     env: BENCH_PORT_LOTSEN (5311), BENCH_RUNS (300),
#        BENCH_SECONDS (10), BENCH_KEEP=1 keeps the data directory
# Exit:  0 targets met · 1 a target missed · 2 the benchmark itself failed
set -euo pipefail
source "$(dirname "$0")/modulbench.sh"
bench_start Lotsen LotsenLast "${BENCH_PORT_LOTSEN:-5311}" "${1:-}"
bench_seed "Lotsen-(Demo|Benchmark)daten"
sqlite_counts=$(python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(", ".join(f"{t} {c.execute(f'select count(*) from {t}').fetchone()[0]}" for t in ["lotsen", "anfragen", "einsaetze", "anfrage_aktivitaeten"]))
PY
)
echo "   rows: $sqlite_counts"
bench_host --Logging:LogLevel:IntegrationsPlattform.Modules.Lotsen.Features.Vermittlung.Matchingprofile=Information

echo "== measurements"
status=0
"$tool_bin/LotsenLast" "$url" "$db" "$work/host.log" --runs "${BENCH_RUNS:-300}" --seconds "${BENCH_SECONDS:-10}" || status=$?
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
