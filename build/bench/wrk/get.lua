-- wrk script for the authenticated GET runs of build/bench.sh: the bearer token comes from the
-- environment (BENCH_TOKEN), so that no token is ever written into a file.
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
