#!/usr/bin/env bash
# Runs every test of the solution (unit, HTTP integration, architecture, browser) and prints
# "N passed, M failed" from the TRX results. Browser tests need /usr/bin/chromium.
# The tests' clock starts at IP_TEST_TODAY (yyyy-MM-dd[THH:mm], Berlin time), unset at the test kit's fixed default.
set -uo pipefail
cd "$(dirname "$0")/.."
results="${TEST_RESULTS_DIR:-$PWD/artifacts/test-results}"
rm -rf "$results"
dotnet test IntegrationsPlattform.sln --logger "trx" --results-directory "$results" "$@"
status=$?
python3 build/test-summary.py "$results"
exit $status
