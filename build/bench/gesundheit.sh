#!/usr/bin/env bash
# Benchmark of the Gesundheit module on the benchmark set (see build/bench/README.md, "Gesundheit"):
#   Release publish of the host (with its plugins) and of the load tool build/bench/GesundheitLast;
#   a temporary data directory seeded with `seed-demo benchmark` in ten public languages (for Gesundheit
#   40 providers and 5,000 published offers, each translated into every language); the host started on it
#   as shipped (Demo environment, the same ten languages) with the MediatR timing lines on (LoggingBehavior
#   at Debug) for the server time; then GesundheitLast measures (a) the public search /gesundheit/angebote
#   with three filters (language spoken, child's age, municipality) — and the search's statements with bare
#   Dapper against the same SQLite file, in the same run — and (b) the bytes a browser fetches for that page.
#   The steps shared with the other module benchmarks are in modulbench.sh.
#
# Usage: build/bench/gesundheit.sh [--no-build]     env: BENCH_PORT_GESUNDHEIT (5313), BENCH_RUNS (300),
#        BENCH_KEEP=1 keeps the data directory
# Exit:  0 targets met · 1 a target missed · 2 the benchmark itself failed
set -euo pipefail
source "$(dirname "$0")/modulbench.sh"
bench_start Gesundheit GesundheitLast "${BENCH_PORT_GESUNDHEIT:-5313}" "${1:-}"
args+=(--Platform:PublicLanguages=de,en,ar,tr,uk,ru,fa,ro,pl,kmr)
bench_seed "Gesundheit-Benchmarkdaten"
python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print("   rows: " + ", ".join(f"{t} {c.execute(f'select count(*) from {t}').fetchone()[0]}" for t in ["anbieter", "angebote", "angebot_texte", "angebot_sprachen", "angebot_orte"]))
PY
bench_host

echo "== measurements"
status=0
"$tool_bin/GesundheitLast" "$url" "$db" "$work/host.log" --runs "${BENCH_RUNS:-300}" || status=$?
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
