#!/usr/bin/env bash
# Runs every test of the repository on a fresh Debian 12 machine with the .NET 10 SDK.
# Installs what the tests need (GDAL and PROJ command-line tools as references, PostgreSQL 15 + PostGIS 3,
# Chromium for the browser tests, npm for the map client's bundle, headless QGIS for the OGC API tests),
# starts a throwaway PostGIS server for the storage tests, builds, runs all test projects, and ends with one line
# "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
command -v cs2cs >/dev/null 2>&1 || need+=(proj-bin)
# GDAL's GeoPackage conformance checker (validate_gpkg.py) for the GeoPackages we write
[ -f /usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py ] || need+=(python3-gdal)
command -v chromium >/dev/null 2>&1 || need+=(chromium)   # headless browser tests (map app, HTML dossier)
command -v npm >/dev/null 2>&1 || need+=(npm)             # bundles the map client (OpenLayers) at build time
QT_QPA_PLATFORM=offscreen /usr/bin/python3 -c "import qgis.core" >/dev/null 2>&1 || need+=(python3-qgis qgis-providers)   # QGIS OAPIF provider tests
PGBIN=/usr/lib/postgresql/15/bin
[ -x "$PGBIN/initdb" ] || need+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
[ -x /usr/sbin/nginx ] || need+=(nginx)                   # scripts/deploy-test.sh: the department install behind nginx
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (reference tools and PostGIS for the tests)…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# Reference tools are required here: a test that needs ogrinfo or cs2cs fails rather than skips.
export FACILITIES_REQUIRE_TOOLS=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# A throwaway PostGIS cluster for tests/Facilities.Storage.PostGis.Tests, on 127.0.0.1 and a free port, removed on
# exit. fsync is off: nothing here needs to survive a crash. max_connections is 300: test projects run in parallel and
# two of them each open 50 concurrent writers plus their pools (100 ran out: "too many clients already"). initdb and postgres refuse to run as root, so as root
# they run as the postgres user. If it cannot start, FACILITIES_TEST_PG stays unset and those tests fail, not skip.
PGDATA=""
stop_postgres() {
  [ -n "$PGDATA" ] || return 0
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PGDATA"
}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_postgres() {
  PGDATA=$(mktemp -d /tmp/facilities-pg.XXXXXX) || return 1   # /tmp: the postgres user must reach it
  [ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA"
  chmod 700 "$PGDATA"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null || return 1
  local port
  for port in $(seq 55433 55452); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue   # something listens there
    if as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log.txt" -w -t 30 \
        -o "-h 127.0.0.1 -p $port -k $PGDATA -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null; then
      "$PGBIN/psql" "host=127.0.0.1 port=$port user=postgres dbname=postgres" -qc 'CREATE DATABASE gis' &&
        "$PGBIN/psql" "host=127.0.0.1 port=$port user=postgres dbname=gis" -qc 'CREATE EXTENSION postgis' || return 1
      export FACILITIES_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=gis"
      echo "PostGIS test server on 127.0.0.1:$port"
      return 0
    fi
  done
  return 1
}
trap stop_postgres EXIT
start_postgres || { echo "could not start a PostGIS test server (log: ${PGDATA:-none}/log.txt)"; tail -5 "$PGDATA/log.txt" 2>/dev/null; }

log=$(mktemp)
dotnet test Facilities.sln 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

num() { grep -E "^\s*$1:\s*[0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
passed=$(num succeeded); failed=$(num failed); skipped=$(num skipped); total=$(num total)
# The failed tests again, with the first lines of their messages, so that the end of a long CI log names them
# (the server logs of the load and restart tests push them far up).
failures=$(awk '/^failed /{n=12} n>0{print; n--}' "$log" | cut -c1-400)
rm -f "$log"
# The department install (docs/deployment.md) end to end, counted as one test: ~40 s with nginx, PostgreSQL and the
# app as separate processes, too slow for an xunit test; it reuses the CLI dotnet test built.
if bash scripts/deploy-test.sh >"${log}.deploy" 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; tail -20 "${log}.deploy"; fi
rm -f "${log}.deploy"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a build failure or an empty test project
if [ "$total" -eq 0 ]; then failed=$((failed > 0 ? failed : 1)); fi # a run that executed no test is a failure
[ -n "$failures" ] && { echo "Failed tests (first lines of each):"; echo "$failures" | head -120; }
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
