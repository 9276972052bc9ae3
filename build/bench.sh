#!/usr/bin/env bash
# Benchmark of the host against a bare ASP.NET Core app, on 127.0.0.1, in one run (see build/bench/README.md):
#   1. start-up to the first answered request (median of 5) — bare GET /json vs. the host's first
#      authenticated module read; plus the very first start on an empty data directory;
#   2. throughput, wrk -t2 -c32 -d10s: bare JSON vs. the host, layer by layer, and the bare app doing
#      the host's one-row read without the platform; the read ratio from three pairs of runs in turns
#      (bare, host read, …), medians;
#   3. 32 concurrent writers: p99, non-2xx, "database is locked" in the log, WAL size;
#   4. RSS of the host with every module loaded (the programme modules and the two test modules);
#   5. durability: kill -9 during writes, then every acknowledged write must still be there.
# The host runs as shipped: appsettings.json + appsettings.Demo.json (logging, behaviours, auth all on);
# only data directory, plugins directory, URL and the enabled test modules are set on the command line.
#
# Usage: build/bench.sh [--no-build]      env: BENCH_DURATION (10s), BENCH_PORT_BARE, BENCH_PORT_HOST, BENCH_KEEP=1
# Exit:  0 all targets met · 1 a target missed · 2 the benchmark itself failed
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

duration=${BENCH_DURATION:-10s}
bare_port=${BENCH_PORT_BARE:-5301}
host_port=${BENCH_PORT_HOST:-5302}
bare_url="http://127.0.0.1:$bare_port"
host_url="http://127.0.0.1:$host_port"
config=Release
# Both apps run as published (dotnet publish, ReadyToRun as the host's project sets it), side by side.
published="$repo/build/bench/published"
bare_bin="$published/bare"
host_bin="$published/host"
test_plugins="$repo/tests/IntegrationsPlattform.Host.Tests/bin/$config/net10.0/plugins"

die() { echo "bench: $*" >&2; exit 2; }

# --- tools --------------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}"
fi

# --- build --------------------------------------------------------------------------------------
if [ "${1:-}" != "--no-build" ]; then
  echo "== Release build"
  # The host test project lays out the test plugins (bin/…/plugins); host and baseline are published
  # the same way, ReadyToRun included (the host's project asks for it; the baseline gets the same flag).
  dotnet build tests/IntegrationsPlattform.Host.Tests -c $config -nologo -v quiet
  dotnet publish host/IntegrationsPlattform.Host -c $config -nologo -v quiet -o "$host_bin"
  dotnet publish build/bench/BareBaseline -c $config -nologo -v quiet -p:PublishReadyToRun=true -o "$bare_bin"
fi
[ -x "$host_bin/IntegrationsPlattform.Host" ] && [ -x "$bare_bin/BareBaseline" ] && [ -d "$test_plugins/Beispiel" ] \
  || die "Release build or publish missing (run without --no-build)"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- processes ----------------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/ip-bench.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM

for url in "$bare_url" "$host_url"; do
  ! curl -s -o /dev/null --max-time 1 "$url" || die "something already answers on $url"
done

# The programme modules as published, and the two real test modules (the measured endpoints are the
# Beispiel module's); the probes under the tests' plugins/ are deliberate failures for the tests.
mkdir -p "$work/plugins" "$work/data"
cp -r "$host_bin"/plugins/* "$work/plugins/"
cp -r "$test_plugins/Beispiel" "$test_plugins/Verbraucher" "$work/plugins/"
module_flags=()
for dir in "$work"/plugins/*/; do module_flags+=("--Modules:$(basename "$dir"):Enabled=true"); done
module_count=${#module_flags[@]}

host_args=(--environment Demo --urls "$host_url"
  "--Platform:DataDirectory=$work/data" "--Platform:PluginsDirectory=$work/plugins"
  "${module_flags[@]}")

# start_bg LOG DIR CMD… — starts CMD in DIR (its content root) in the background; pid in $last_pid.
start_bg() {
  local log=$1 dir=$2
  shift 2
  (cd "$dir" && exec "$@") >>"$log" 2>&1 &
  last_pid=$!
  pids+=("$last_pid")
}

# stop PID [SIGNAL] — ends a process started here (TERM, after 10 s KILL) and reaps it. Its pid is
# dropped from the list, so that the exit trap never signals a later process that got the same pid.
stop() {
  local pid=$1 signal=${2:-TERM} kept=() p
  if kill -"$signal" "$pid" 2>/dev/null; then
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  for p in "${pids[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
  pids=("${kept[@]}")
}

now_ns() { date +%s%N; }

# start_timed URL AUTH LOG DIR CMD… — launches CMD and polls URL until it answers 200; the time from
# launch to that answer lands in $startup_ms, the pid in $last_pid. Poll resolution ≈ 10 ms.
start_timed() {
  local url=$1 auth=$2 log=$3 dir=$4 t0 code
  shift 4
  t0=$(now_ns)
  start_bg "$log" "$dir" "$@"
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 ${auth:+-H "$auth"} "$url" || true)
    [ "$code" = 200 ] && break
    kill -0 "$last_pid" 2>/dev/null || die "$(basename "$1") exited during start-up, see $log"
    [ $(($(now_ns) - t0)) -lt 120000000000 ] || die "no 200 from $url within 120 s (last: $code)"
    sleep 0.005
  done
  startup_ms=$((($(now_ns) - t0) / 1000000))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }

expect_200() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$1")
  [ "$code" = 200 ] || die "GET $1 answered $code, not 200"
}

# --- wrk ----------------------------------------------------------------------------------------
# warm_up URL… — 10 s of load on a freshly started server, spread over its URLs, before anything is
# measured: the host has far more code than the bare app to move up the JIT tiers, and the runs
# compare steady states (the cold start is measured above).
warm_up() {
  local url
  for url in "$@"; do BENCH_TOKEN=${token:-} wrk -t2 -c32 -d$((10 / $#))s -s "$get_lua" "$url" >/dev/null; done
}

# wrk_run NAME URL SCRIPT PID [DURATION] — a 5 s warm-up (JIT tiering, pools), then the measured run;
# results in wrk_rps, wrk_p50, wrk_p99 (ms), wrk_requests (answered), wrk_non2xx, wrk_bad (non-2xx + socket errors)
# and wrk_cpu_us: CPU time of the server process PID per answered request. On a machine that is
# shared with other work, req/s moves with the neighbours; CPU per request hardly does.
wrk_run() {
  local name=$1 url=$2 script=$3 pid=$4 run_for=${5:-$duration} out="$work/wrk-$1.txt" ticks0
  BENCH_TOKEN=${token:-} wrk -t2 -c32 -d5s -s "$script" "$url" >/dev/null
  ticks0=$(cpu_ticks "$pid")
  BENCH_TOKEN=${token:-} wrk -t2 -c32 -d"$run_for" --latency -s "$script" "$url" >"$out"
  wrk_parse "$out"
  wrk_cpu_us=$(awk -v t="$(($(cpu_ticks "$pid") - ticks0))" -v hz="$(getconf CLK_TCK)" -v n="$wrk_requests" 'BEGIN { printf "%.0f", n ? t / hz * 1e6 / n : 0 }')
}

# user + system CPU time of a process, in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

wrk_parse() {
  eval "$(awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /requests in/ { requests = $1 }
    /Requests\/sec/ { rps = $2 }
    /Non-2xx or 3xx/ { non2xx = $NF }
    /Socket errors/ { gsub(/,/, ""); socket = $4 + $6 + $8 + $10 }
    END { printf "wrk_rps=%.0f wrk_p50=%.2f wrk_p99=%.2f wrk_requests=%d wrk_non2xx=%d wrk_bad=%d\n", rps, p50, p99, requests, non2xx, non2xx + socket }' "$1")"
}

rows=()
# row LABEL — one line of the throughput table from the last wrk_run, ratios against the bare run.
row() {
  rows+=("$(printf '%-60s %8s %7s %7s %6s %8s %6s %6s' "$1" "$wrk_rps" "$wrk_p50" "$wrk_p99" "$wrk_bad" "$wrk_cpu_us" \
    "$(ratio "$wrk_rps" "${bare_rps:-$wrk_rps}")" "$(ratio "${bare_cpu_us:-$wrk_cpu_us}" "$wrk_cpu_us")")")
}

logs="$work/logs"
mkdir -p "$logs"
get_lua="$repo/build/bench/wrk/get.lua"
post_lua="$repo/build/bench/wrk/post.lua"

# --- 1. start-up --------------------------------------------------------------------------------
echo "== Start-up (time from launch to the first HTTP 200, median of 5)"
# The first host start on the empty data directory: migrations of host.db and the module databases,
# demo accounts (password hashing). Measured once, to /health, since no token exists yet.
start_timed "$host_url/health" "" "$logs/host-first.log" "$host_bin" ./IntegrationsPlattform.Host "${host_args[@]}"
first_start_ms=$startup_ms
token=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"userName":"fachkraft","password":"Demo-Fachkraft-2026"}' \
  "$host_url/api/auth/token" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || die "no bearer token for fachkraft"
# 20 entries: the list read returns them all (plus one audit row per call); the single read takes the first.
for i in $(seq 20); do
  id=$(curl -s -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"titel\":\"Eintrag $i\",\"kommuneAgs\":\"06437006\"}" "$host_url/api/beispiel/eintraege" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  [ -n "$id" ] || die "could not create an entry"
  [ "$i" = 1 ] && entry_id=$id
done
stop "$last_pid"
read_url="$host_url/api/beispiel/eintraege/$entry_id"
# The bare app's plain read gets a copy of the same module database (same rows, same id).
python3 - "$work/data/modules/Beispiel.db" "$work/bare.db" <<'PY'
import sqlite3, sys
source, copy = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
source.backup(copy)
copy.execute("PRAGMA journal_mode = WAL")
copy.close()
PY
bare_read_url="$bare_url/eintraege/$entry_id"

# Restarts on the now existing data directory, polling the authenticated single-entry read: the
# first answer needs Kestrel, auth (token lookup in host.db), MediatR, behaviours and Dapper — nothing
# of that may be deferred past it. One unmeasured start of each app first, so that both find the
# files in the OS cache.
start_timed "$bare_url/json" "" "$logs/bare.log" "$bare_bin" ./BareBaseline --urls "$bare_url"; stop "$last_pid"
bare_starts=() host_starts=()
for _ in 1 2 3 4 5; do
  start_timed "$bare_url/json" "" "$logs/bare.log" "$bare_bin" ./BareBaseline --urls "$bare_url"
  bare_starts+=("$startup_ms"); stop "$last_pid"
  start_timed "$read_url" "Authorization: Bearer $token" "$logs/host-restarts.log" "$host_bin" ./IntegrationsPlattform.Host "${host_args[@]}"
  host_starts+=("$startup_ms"); stop "$last_pid"
done
bare_start=$(printf '%s\n' "${bare_starts[@]}" | median)
host_start=$(printf '%s\n' "${host_starts[@]}" | median)
echo "   bare: ${bare_starts[*]} ms · host: ${host_starts[*]} ms · first host start (empty data dir): $first_start_ms ms"

# --- 2. throughput ------------------------------------------------------------------------------
echo "== Throughput (wrk -t2 -c32 -d$duration; each server warmed up 10 s, each run 5 s more; one server at a time)"
start_timed "$bare_url/json" "" "$logs/bare.log" "$bare_bin" ./BareBaseline --urls "$bare_url" "--Baseline:Database=$work/bare.db"
bare_pid=$last_pid
expect_200 "$bare_read_url"
warm_up "$bare_url/json" "$bare_read_url"
wrk_run bare "$bare_url/json" "$get_lua" "$bare_pid"
[ "$wrk_bad" = 0 ] || die "bare run had $wrk_bad errors"
row "bare ASP.NET Core: GET /json"
bare_rps=$wrk_rps bare_cpu_us=$wrk_cpu_us
bare_rss=$(rss_mb "$bare_pid")
# What the read costs without the platform: the same SELECT on a copy of the same file, a pooled
# Microsoft.Data.Sqlite connection and Dapper in the endpoint — no DI, MediatR, authentication.
wrk_run bare-read "$bare_read_url" "$get_lua" "$bare_pid"
[ "$wrk_bad" = 0 ] || die "bare read run had $wrk_bad errors"
row "bare:   + Dapper 1-row SELECT (no DI, MediatR, auth)"
plain_read_rps=$wrk_rps plain_read_cpu_us=$wrk_cpu_us
# The bare app keeps running (idle) for the paired read runs below.

host_log="$logs/host.log"
start_timed "$read_url" "Authorization: Bearer $token" "$host_log" "$host_bin" ./IntegrationsPlattform.Host "${host_args[@]}"
host_pid=$last_pid
host_rss_idle=$(rss_mb "$host_pid")
expect_200 "$host_url/api/beispiel/oeffentlich"
expect_200 "$host_url/api/beispiel/eintraege"
warm_up "$host_url/api/beispiel/oeffentlich" "$read_url"

# Layer by layer: the host's middleware alone (a public module endpoint, no token), then with token
# validation, then the full read, then the list read that also writes its audit row.
token="" wrk_run public "$host_url/api/beispiel/oeffentlich" "$get_lua" "$host_pid"
row "host: GET /api/beispiel/oeffentlich (middleware, no token)"
wrk_run public-token "$host_url/api/beispiel/oeffentlich" "$get_lua" "$host_pid"
row "host:   + bearer token (SHA-256, memory of valid tokens)"
wrk_run read "$read_url" "$get_lua" "$host_pid"
read_bad=$wrk_bad
row "host:   + MediatR, 3 behaviours, Dapper 1-row SELECT  [target]"
# The read ratio: this VM's speed moves by about 10 % within minutes, so one bare run at the start and
# one read run later compare different minutes. The target is judged on three pairs of runs taken in
# turns (both servers up, one under load at a time): the median read against the median bare run.
pair_bare=() pair_read=()
for _ in 1 2 3; do
  wrk_run bare-pair "$bare_url/json" "$get_lua" "$bare_pid" 5s
  pair_bare+=("$wrk_rps")
  wrk_run read-pair "$read_url" "$get_lua" "$host_pid" 5s
  pair_read+=("$wrk_rps"); read_bad=$((read_bad + wrk_bad))
done
stop "$bare_pid"
read_rps=$(printf '%s\n' "${pair_read[@]}" | median)
bare_pair_rps=$(printf '%s\n' "${pair_bare[@]}" | median)
wrk_run list "$host_url/api/beispiel/eintraege" "$get_lua" "$host_pid"
list_bad=$wrk_bad
row "host: GET /api/beispiel/eintraege (20 rows + audit INSERT)"

# --- 3. writes ----------------------------------------------------------------------------------
echo "== Writes (32 concurrent clients, POST /api/beispiel/eintraege)"
wrk_run write "$host_url/api/beispiel/eintraege" "$post_lua" "$host_pid"
write_p99=$wrk_p99 write_bad=$wrk_bad
row "host: POST /api/beispiel/eintraege, 32 writers"
locked=$(cat "$logs"/*.log | grep -ci 'database is locked' || true)
wal_kb() { [ -f "$1-wal" ] && echo $(($(stat -c %s "$1-wal") / 1024)) || echo 0; }
wal_module=$(wal_kb "$work/data/modules/Beispiel.db")
wal_host=$(wal_kb "$work/data/host.db")
host_rss_load=$(rss_mb "$host_pid")
stop "$host_pid"

# Logging as shipped is Information; per request nothing is logged above Debug. Checked, not assumed:
# a second host with Warning goes through the same runs as the first up to the read, so that both
# reads find the JIT equally far along.
start_timed "$read_url" "Authorization: Bearer $token" "$logs/host-warning.log" "$host_bin" ./IntegrationsPlattform.Host "${host_args[@]}" --Logging:LogLevel:Default=Warning
warm_up "$host_url/api/beispiel/oeffentlich" "$read_url"
token="" wrk_run warning-public "$host_url/api/beispiel/oeffentlich" "$get_lua" "$last_pid"
wrk_run warning-public-token "$host_url/api/beispiel/oeffentlich" "$get_lua" "$last_pid"
wrk_run warning-read "$read_url" "$get_lua" "$last_pid"
row "host: the same read with log level Warning"
rss_after_restart=$(rss_mb "$last_pid")

# --- 5. durability ------------------------------------------------------------------------------
# synchronous=NORMAL in WAL: a commit is in the WAL (OS page cache) before the 201 goes out, so a
# killed process loses nothing it acknowledged. Kill -9 in the middle of the write load, then count.
echo "== Durability (kill -9 during 32 concurrent writes)"
count_rows() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("PRAGMA integrity_check").fetchone()[0], db.execute("SELECT count(*) FROM eintraege").fetchone()[0])
PY
}
read -r _ rows_before < <(count_rows "$work/data/modules/Beispiel.db")
BENCH_TOKEN=$token wrk -t2 -c32 -d6s -s "$post_lua" "$host_url/api/beispiel/eintraege" >"$work/wrk-crash.txt" 2>&1 &
wrk_pid=$!
sleep 3
stop "$last_pid" KILL
wait "$wrk_pid" || true
wrk_parse "$work/wrk-crash.txt"
# Every 201 the clients received (wrk counts only complete answers; the cut ones are socket errors).
acknowledged=$((wrk_requests - wrk_non2xx))
read -r integrity rows_after < <(count_rows "$work/data/modules/Beispiel.db")
lost=$((acknowledged - (rows_after - rows_before)))
[ "$lost" -lt 0 ] && lost=0
start_timed "$read_url" "Authorization: Bearer $token" "$logs/host-after-crash.log" "$host_bin" ./IntegrationsPlattform.Host "${host_args[@]}"
restart_after_crash_ms=$startup_ms
stop "$last_pid"

# --- summary ------------------------------------------------------------------------------------
start_ratio=$(ratio "$host_start" "$bare_start")
read_ratio=$(ratio "$read_rps" "$bare_pair_rps")
missed=0
# verdict NAME CONDITION — NAME becomes "met" or "MISSED" (awk condition, 1 = met).
verdict() {
  if [ "$(awk "BEGIN { print ($2) ? 1 : 0 }")" = 1 ]; then printf -v "$1" met; else printf -v "$1" MISSED; missed=1; fi
}
verdict v_start "$start_ratio <= 3"
verdict v_read "$read_ratio >= 0.5 && $read_bad == 0 && $list_bad == 0"
verdict v_write "$write_p99 < 20 && $write_bad == 0 && $locked == 0"
verdict v_crash "$lost == 0 && \"$integrity\" == \"ok\""
echo
echo "IntegrationsPlattform benchmark · $(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
echo "dotnet $(dotnet --version) · $config · 127.0.0.1 · wrk -t2 -c32 -d$duration (wrk shares the cores with the server)"
echo "load average before: $load_before · after: $(cut -d' ' -f1-3 /proc/loadavg) — other work on the machine lowers req/s; CPU µs per request hardly moves"
echo
echo "Start-up to first answered request (median of 5)"
printf '  %-60s %8s\n' "bare: GET /json" "$bare_start ms"
printf '  %-60s %8s\n' "host: authenticated GET /api/beispiel/eintraege/{id}" "$host_start ms"
printf '  %-60s %8s   target <= 3x: %s\n' "ratio host / bare" "${start_ratio}x" "$v_start"
printf '  %-60s %8s\n' "host, first start on an empty data directory (/health)" "$first_start_ms ms"
echo
printf '%-60s %8s %7s %7s %6s %8s %6s %6s\n' "Throughput" "req/s" "p50 ms" "p99 ms" "errors" "CPU µs/r" "x bare" "x CPU"
printf '%s\n' "${rows[@]}"
echo
printf '  %-60s %s\n' "read in turns with bare, req/s: bare / host (3 pairs of 5 s)" "${pair_bare[*]} / ${pair_read[*]}"
printf '  %-60s %s\n' "read ratio, median host / median bare (target >= 0.5)" "$read_ratio: $v_read"
printf '  %-60s %s\n' "the same read without the platform / bare (one run each)" "$(ratio "$plain_read_rps" "$bare_rps") (CPU $plain_read_cpu_us µs against $bare_cpu_us µs)"
printf '  %-60s %s\n' "write p99 (target < 20 ms), non-2xx/socket errors" "$write_p99 ms, $write_bad: $v_write"
printf '  %-60s %s\n' "'database is locked' in the host logs" "$locked"
printf '  %-60s %s\n' "WAL after the write run: Beispiel.db-wal / host.db-wal" "$wal_module KB / $wal_host KB"
echo
printf '  %-60s %s\n' "RSS bare after its load run" "$bare_rss MB"
printf '  %-60s %s\n' "RSS host, $module_count modules loaded, after start-up + first request" "$host_rss_idle MB"
printf '  %-60s %s\n' "RSS host after the read and write runs" "$host_rss_load MB"
printf '  %-60s %s\n' "RSS host (log level Warning) after one read run" "$rss_after_restart MB"
echo
printf '  %-60s %s\n' "durability: kill -9 during writes, acknowledged / stored" "$acknowledged / $((rows_after - rows_before)), lost $lost, integrity $integrity: $v_crash"
printf '  %-60s %s\n' "restart after the kill to first authenticated read" "$restart_after_crash_ms ms"
exit $missed
