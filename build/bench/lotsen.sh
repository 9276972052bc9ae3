#!/usr/bin/env bash
# Benchmark of the Lotsen module on the large demo set (see build/bench/README.md, "Lotsen"):
#   Release publish of the host (with its plugins) and of the load tool build/bench/LotsenLast;
#   a temporary data directory seeded with `seed-demo benchmark` (5,000 Lotsen, 100,000 requests,
#   12 municipalities, assignments); the host started on it as shipped (Demo environment) with the
#   MediatR timing lines on (LoggingBehavior at Debug) for the server time and the reload line of the
#   matching profiles; then LotsenLast measures (a) matching for one request, (a') the first matching
#   call after a registry change (profiles reloaded), (b) the Lotsen search with filters, (c) creating
#   requests with 8 and 32 clients — and the same rows with bare Dapper against the same SQLite file,
#   in the same run.
#
# Usage: build/bench/lotsen.sh [--no-build]     env: BENCH_PORT_LOTSEN (5311), BENCH_RUNS (300),
#        BENCH_SECONDS (10), BENCH_KEEP=1 keeps the data directory
# Exit:  0 targets met · 1 a target missed · 2 the benchmark itself failed
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
port=${BENCH_PORT_LOTSEN:-5311}
url="http://127.0.0.1:$port"
published="$repo/build/bench/published"
host_bin="$published/host"
tool_bin="$published/lotsen-last"

die() { echo "bench: $*" >&2; exit 2; }
command -v curl >/dev/null || die "curl missing"

if [ "${1:-}" != "--no-build" ]; then
  echo "== Release build"
  dotnet publish host/IntegrationsPlattform.Host -c Release -nologo -v quiet -o "$host_bin"
  dotnet publish build/bench/LotsenLast -c Release -nologo -v quiet -o "$tool_bin"
fi
[ -x "$host_bin/IntegrationsPlattform.Host" ] && [ -d "$host_bin/plugins/Lotsen" ] && [ -x "$tool_bin/LotsenLast" ] \
  || die "Release publish missing (run without --no-build)"

work=$(mktemp -d "${TMPDIR:-/tmp}/ip-bench-lotsen.XXXXXX")
host_pid=""
cleanup() {
  if [ -n "$host_pid" ]; then kill -TERM "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM
! curl -s -o /dev/null --max-time 1 "$url" || die "something already answers on $url"

args=(--environment Demo "--Platform:DataDirectory=$work/data" --Modules:Lotsen:Enabled=true)
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"

echo "== seed-demo benchmark"
t0=$(date +%s%N)
(cd "$host_bin" && ./IntegrationsPlattform.Host seed-demo benchmark "${args[@]}") > "$work/seed.log" 2>&1 || { cat "$work/seed.log"; die "seeding failed"; }
seed_ms=$((($(date +%s%N) - t0) / 1000000))
grep -E "Lotsen-(Demo|Benchmark)daten" -A0 "$work/seed.log" | sed 's/^ */   /' || true
db="$work/data/modules/Lotsen.db"
echo "   seed-demo benchmark, whole process: $seed_ms ms; Lotsen.db $(( $(stat -c %s "$db") / 1048576 )) MB"
sqlite_counts=$(python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(", ".join(f"{t} {c.execute(f'select count(*) from {t}').fetchone()[0]}" for t in ["lotsen", "anfragen", "einsaetze", "anfrage_aktivitaeten"]))
PY
)
echo "   rows: $sqlite_counts"

echo "== host"
(cd "$host_bin" && exec ./IntegrationsPlattform.Host "${args[@]}" --urls "$url" \
  --Logging:LogLevel:Default=Warning --Logging:LogLevel:IntegrationsPlattform.Host.Messaging=Debug \
  --Logging:LogLevel:IntegrationsPlattform.Modules.Lotsen.Features.Vermittlung.Matchingprofile=Information) > "$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1200); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = 200 ] && break
  kill -0 "$host_pid" 2>/dev/null || { tail -20 "$work/host.log"; die "host exited"; }
  sleep 0.1
done

echo "== measurements"
status=0
"$tool_bin/LotsenLast" "$url" "$db" "$work/host.log" --runs "${BENCH_RUNS:-300}" --seconds "${BENCH_SECONDS:-10}" || status=$?
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
