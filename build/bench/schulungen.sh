#!/usr/bin/env bash
# Benchmark of the Schulungen module on the benchmark set (see build/bench/README.md, "Schulungen"):
#   Release publish of the host (with its plugins) and of the load tool build/bench/SchulungenLast;
#   a temporary data directory seeded with `seed-demo benchmark` (for Schulungen 500 courses, 5,000
#   sessions, 100,000 registrations); the host started on it as shipped (Demo environment) with the
#   MediatR timing lines on (LoggingBehavior at Debug) for the server time; then SchulungenLast measures
#   (a) 100 registrations at the same moment to one session with 20 seats and a waiting list of 30 and
#   checks the outcome, (b) the time per certificate PDF, (c) the session list with filters — and the
#   list's statements with bare Dapper against the same SQLite file, in the same run. The steps shared
#   with the other module benchmarks are in modulbench.sh.
#
# Usage: build/bench/schulungen.sh [--no-build]     env: BENCH_PORT_SCHULUNGEN (5312), BENCH_RUNS (300),
#        BENCH_PDFS (50), BENCH_KEEP=1 keeps the data directory
# Exit:  0 targets met · 1 a target missed · 2 the benchmark itself failed
set -euo pipefail
source "$(dirname "$0")/modulbench.sh"
bench_start Schulungen SchulungenLast "${BENCH_PORT_SCHULUNGEN:-5312}" "${1:-}"
bench_seed "Schulungen-Benchmarkdaten"
python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print("   rows: " + ", ".join(f"{t} {c.execute(f'select count(*) from {t}').fetchone()[0]}" for t in ["kurse", "termine", "teilnehmende", "anmeldungen"]))
seats, waiting = c.execute("""select max(s), max(w) from (select sum(a.status in ('angemeldet','nicht_erschienen','teilweise','vollstaendig')) - t.kapazitaet s,
  sum(a.status = 'warteliste') - t.max_warteliste w from anmeldungen a join termine t on t.id = a.termin_id group by a.termin_id)""").fetchone()
print(f"   most seats / waiting places beyond a session's limits: {seats} / {waiting} (at most 0)")
PY
bench_host

echo "== measurements"
status=0
"$tool_bin/SchulungenLast" "$url" "$db" "$work/host.log" --runs "${BENCH_RUNS:-300}" --pdfs "${BENCH_PDFS:-50}" || status=$?
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
