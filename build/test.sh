#!/usr/bin/env bash
# Runs every test of the solution (unit, HTTP integration, architecture, browser) and prints
# "N passed, M failed" from the TRX results. Browser tests need /usr/bin/chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
results="${TEST_RESULTS_DIR:-$PWD/artifacts/test-results}"
rm -rf "$results"
dotnet test IntegrationsPlattform.sln --logger "trx" --results-directory "$results" "$@"
status=$?
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
print(f"{passed} passed, {failed} failed")
PY
exit $status
