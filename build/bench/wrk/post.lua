-- wrk script for the write run of build/bench.sh: every connection keeps creating Beispiel entries
-- (an ICommand: validation, one BEGIN IMMEDIATE transaction on Beispiel.db, an audit row in host.db,
-- a notification after the commit). Non-2xx answers are counted by wrk itself.
wrk.method = "POST"
wrk.body = '{"titel":"Lastprobe","kommuneAgs":"06437006"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "")
