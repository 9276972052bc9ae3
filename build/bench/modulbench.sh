# What the module benchmarks (lotsen.sh, schulungen.sh, gesundheit.sh) share; sourced by them, not run alone:
#   bench_start MODULE TOOL PORT [--no-build]  Release publish of the host (with its plugins) and of the load tool
#                                              build/bench/TOOL, a temporary data directory (removed on exit unless
#                                              BENCH_KEEP=1), the host's arguments in `args`, the module's file in `db`
#   bench_seed PATTERN                         `seed-demo benchmark` into it, timed; prints the seed log's lines
#                                              matching PATTERN
#   bench_host [ARG…]                          the host as shipped (Demo environment) on it, logging at Warning but
#                                              the MediatR timing lines (Debug), plus ARG…; waits for /health
# Exit codes of the scripts: 0 targets met · 1 a target missed · 2 the benchmark itself failed (die).
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"

die() { echo "bench: $*" >&2; exit 2; }
command -v curl >/dev/null || die "curl missing"

bench_start() {
  module=$1 tool=$2
  url="http://127.0.0.1:$3"
  host_bin="$repo/build/bench/published/host"
  tool_bin="$repo/build/bench/published/$tool"
  if [ "${4:-}" != "--no-build" ]; then
    echo "== Release build"
    dotnet publish host/IntegrationsPlattform.Host -c Release -nologo -v quiet -o "$host_bin"
    dotnet publish "build/bench/$tool" -c Release -nologo -v quiet -o "$tool_bin"
  fi
  [ -x "$host_bin/IntegrationsPlattform.Host" ] && [ -d "$host_bin/plugins/$module" ] && [ -x "$tool_bin/$tool" ] \
    || die "Release publish missing (run without --no-build)"

  work=$(mktemp -d "${TMPDIR:-/tmp}/ip-bench-${module,,}.XXXXXX")
  host_pid=""
  trap bench_cleanup EXIT
  trap 'exit 2' INT TERM
  ! curl -s -o /dev/null --max-time 1 "$url" || die "something already answers on $url"
  args=(--environment Demo "--Platform:DataDirectory=$work/data" "--Modules:$module:Enabled=true")
  db="$work/data/modules/$module.db"
  echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
}

bench_cleanup() {
  if [ -n "$host_pid" ]; then kill -TERM "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $work"; else rm -rf "$work"; fi
}

bench_seed() {
  echo "== seed-demo benchmark"
  local t0 seed_ms
  t0=$(date +%s%N)
  (cd "$host_bin" && ./IntegrationsPlattform.Host seed-demo benchmark "${args[@]}") > "$work/seed.log" 2>&1 || { cat "$work/seed.log"; die "seeding failed"; }
  seed_ms=$((($(date +%s%N) - t0) / 1000000))
  grep -E "$1" -A0 "$work/seed.log" | sed 's/^ */   /' || true
  echo "   seed-demo benchmark (every enabled module), whole process: $seed_ms ms; $module.db $(( $(stat -c %s "$db") / 1048576 )) MB"
}

bench_host() {
  echo "== host"
  (cd "$host_bin" && exec ./IntegrationsPlattform.Host "${args[@]}" --urls "$url" \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:IntegrationsPlattform.Host.Messaging=Debug "$@") > "$work/host.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = 200 ] && return 0
    kill -0 "$host_pid" 2>/dev/null || { tail -20 "$work/host.log"; die "host exited"; }
    sleep 0.1
  done
  die "host did not answer /health"
}
