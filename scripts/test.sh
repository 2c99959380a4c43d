#!/usr/bin/env bash
# Runs every test of the repository on a fresh Debian 12 machine with the .NET 10 SDK.
# Installs what the tests need (GDAL and PROJ command-line tools as references), builds, runs all test
# projects, and ends with one line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
command -v cs2cs >/dev/null 2>&1 || need+=(proj-bin)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (reference tools for the tests)…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# Reference tools are required here: a test that needs ogrinfo or cs2cs fails rather than skips.
export FACILITIES_REQUIRE_TOOLS=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log=$(mktemp)
dotnet test Facilities.sln 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

num() { grep -E "^\s*$1:\s*[0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
passed=$(num succeeded); failed=$(num failed); skipped=$(num skipped); total=$(num total)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a build failure or an empty test project
if [ "$total" -eq 0 ]; then failed=$((failed > 0 ? failed : 1)); fi # a run that executed no test is a failure
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
