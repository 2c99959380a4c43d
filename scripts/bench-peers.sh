#!/usr/bin/env bash
# Issue 15, "same rules, same answer": the parcel screening by Facilities, PostGIS and GeoPandas on the same generated
# cities, with the same rules, checked to find the same parcels before any ratio is printed (docs/performance.md).
#
#   scripts/bench-peers.sh [--sizes 100k,300k,1m (default; or 3m)] [--runs 5] [--cache /tmp/facilities-bench] [--seed 20250701]
#       [--level tieu_hoc] [--year 2030] [--out table.md] [--no-build] [--geopandas-gpkg] [--map 1m]
#
# On a fresh Debian 12 machine with the .NET 10 SDK it installs what it needs (PostgreSQL 15 + PostGIS 3, GDAL's
# ogr2ogr, GeoPandas 0.12 with Fiona and Rtree, GNU time), builds the CLI and the benchmarks in Release, starts its own
# throwaway PostGIS cluster (as scripts/test.sh: /tmp, a free port on 127.0.0.1, fsync off, removed on exit), and
# for each size:
#   - generates the city once (tests/Facilities.Benchmarks --peers-generate: 120 wards, 126 km × 126 km at 1 M parcels
#     scaled with √N, so every size has the same density) and its CSV export, both kept in the cache directory by
#     size and seed, so a re-run only measures;
#   - loads it into PostGIS once (ogr2ogr to the metric CRS, GiST indexes, ANALYZE) for the SQL-only figures;
#   - runs, interleaved round by round (--runs rounds): `facilities sites` whole process from the GeoPackage,
#     PostGIS load + SQL (ogr2ogr into a fresh schema, indexes, ANALYZE, the statement), GeoPandas from CSV (and from
#     the GeoPackage through Fiona with --geopandas-gpkg), each under /usr/bin/time -v (wall, CPU, peak RSS);
#   - runs the warm in-memory screening (the dataset held open, as `serve` does) interleaved with the SQL-only
#     statement, in one process (--peers-warm), medians of --runs after one warm-up each;
#   - checks that every run of every engine wrote the same sorted parcel ids, and stops with exit 1 if not.
# The rules: benchmarks/peers/norms-dgd-only.json admits DGD land only (current or planned); the other four hard
# constraints (ward-dependent minimum area, industrial-zone distance, school sites, width) keep the built-in norms
# and are implemented by every peer (benchmarks/peers/screen.sql, benchmarks/peers/screen_geopandas.py).
# With --map <size>: the map's start on that size's city, --runs rounds interleaved: `facilities serve` started →
# /api/meta answered → the first parcel tile (at the parcels' first zoom, the tile of the middle parcel), against
# PostGIS restarted → the same tile by ST_AsMVT (parcels in EPSG:3857, GiST-indexed), loopback only.
# Prints a markdown table (also written to --out) with the load average at each size.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

sizes="100k,300k,1m"; runs=5; cache=/tmp/facilities-bench; seed=20250701; level=tieu_hoc; year=2030
out=""; build=1; gp_gpkg=0; map_size=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --level) level=$2; shift 2 ;;
    --year) year=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --geopandas-gpkg) gp_gpkg=1; shift ;;
    --map) map_size=$2; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "$runs" -ge 1 ] 2>/dev/null || { echo "--runs must be a whole number ≥ 1" >&2; exit 2; }
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
out=${out:-$cache/peers-$(date -u +%Y%m%d-%H%M).md}
PY=/usr/bin/python3   # Debian's python with Debian's GeoPandas, not a pyenv or venv one

# --- what the machine needs -------------------------------------------------------------------------------------
PGBIN=/usr/lib/postgresql/15/bin
need=()
[ -x "$PGBIN/initdb" ] || need+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
command -v ogr2ogr >/dev/null 2>&1 || need+=(gdal-bin)
[ -x /usr/bin/time ] || need+=(time)
command -v curl >/dev/null 2>&1 || need+=(curl)   # --map
$PY -c "import geopandas" >/dev/null 2>&1 || need+=(python3-geopandas)
$PY -c "import fiona" >/dev/null 2>&1 || need+=(python3-fiona)
$PY -c "import rtree" >/dev/null 2>&1 || need+=(python3-rtree)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "could not install ${need[*]}" >&2; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "$build" -eq 1 ]; then
  # The CLI as it is installed (deploy/Dockerfile): published, so precompiled (ReadyToRun) with tiered compilation on;
  # a plain build would time the JIT instead (docs/performance.md, issue 15: short commands).
  echo "Publishing the CLI and building the benchmarks (Release)…"
  dotnet publish -c Release src/Facilities.Cli -o "$cache/cli" -v q -nologo >/dev/null || { echo "publish failed: dotnet publish -c Release src/Facilities.Cli" >&2; exit 1; }
  dotnet build -c Release tests/Facilities.Benchmarks -v q -nologo >/dev/null || { echo "build failed: dotnet build -c Release tests/Facilities.Benchmarks" >&2; exit 1; }
fi
FAC=$cache/cli/facilities
BENCH=$repo/tests/Facilities.Benchmarks/bin/Release/net10.0/linux-x64/Facilities.Benchmarks
[ -x "$FAC" ] && [ -x "$BENCH" ] || { echo "missing $FAC or $BENCH (run without --no-build)" >&2; exit 1; }
NORMS=$repo/benchmarks/peers/norms-dgd-only.json

# The rule parameters every peer gets, from the built-in norms with the DGD-only file on top (docs/sites.md):
# minimum site = min_classes × class_cap × m² per pupil (urban: the reduced norm in a phường).
read -r min_rural min_urban min_industrial min_width < <($PY - "$repo/src/Facilities.Core/Norms/norms.vn.json" "$NORMS" "$level" <<'EOF'
import json, sys
values = json.load(open(sys.argv[1], encoding="utf-8"))["values"]
values.update(json.load(open(sys.argv[2], encoding="utf-8"))["values"])
v = lambda k: float(values[k]["value"])
l = sys.argv[3]
base = v(f"min_classes.{l}") * v(f"class_cap.{l}")
print(base * v(f"land_per_pupil_m2.{l}"), base * v(f"land_per_pupil_urban_m2.{l}"),
      v("screening.min_distance_industrial_m"), v("screening.min_width_m"))
EOF
)
echo "rules ($level): DGD land only; minimum area $min_rural m² (xã) / $min_urban m² (phường); industrial zones ≥ $min_industrial m; width ≥ $min_width m; school sites excluded"

# --- a throwaway PostGIS cluster (the pattern of scripts/test.sh) -----------------------------------------------
PGDATA=""
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_postgres() {
  [ -n "$PGDATA" ] || return 0
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM   # so the EXIT trap removes the cluster on Ctrl-C or kill too
start_postgres() {
  PGDATA=$(mktemp -d /tmp/facilities-bench-pg.XXXXXX) || return 1
  [ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA"
  chmod 700 "$PGDATA"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null || return 1
  local port
  for port in $(seq 55533 55552); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    # shared_buffers holds a 3 M-parcel city; JIT off: it costs PostgreSQL 15 tens of ms per statement here and
    # buys nothing on these plans (docs/performance.md), so the peer gets its better setting.
    if as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log.txt" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $PGDATA -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c shared_buffers=2GB -c jit=off -c max_wal_size=4GB" start >/dev/null; then
      PGPORT=$port
      "$PGBIN/psql" "host=127.0.0.1 port=$port user=postgres dbname=postgres" -qc 'CREATE DATABASE gis' >/dev/null &&
        "$PGBIN/psql" "host=127.0.0.1 port=$port user=postgres dbname=gis" -qc 'CREATE EXTENSION postgis' >/dev/null || return 1
      return 0
    fi
  done
  return 1
}
start_postgres || { echo "could not start a PostGIS server (log: ${PGDATA:-none}/log.txt)" >&2; tail -5 "$PGDATA/log.txt" 2>/dev/null; exit 1; }
PGCONN="host=127.0.0.1 port=$PGPORT user=postgres dbname=gis"
NPGSQL="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=gis"
psqlq() { PGOPTIONS="-c client_min_messages=warning" "$PGBIN/psql" "$PGCONN" -X -q -v ON_ERROR_STOP=1 "$@"; }
pg_version=$(psqlq -Atc "SELECT split_part(version(), ' on ', 1) || ', PostGIS ' || postgis_lib_version()")
gp_version=$($PY -c "import geopandas, shapely, pandas; print(f'GeoPandas {geopandas.__version__}, Shapely {shapely.__version__}, pandas {pandas.__version__}')")
echo "PostGIS server on 127.0.0.1:$PGPORT ($pg_version); $gp_version"

# --- helpers ----------------------------------------------------------------------------------------------------
count() { case "$1" in *k) echo $(( ${1%k} * 1000 )) ;; *m) echo $(( ${1%m} * 1000000 )) ;; *) echo "$1" ;; esac; }
subst() { sed -e "s/@schema@/$2/g" -e "s/@min_rural@/$min_rural/g" -e "s/@min_urban@/$min_urban/g" \
              -e "s/@min_industrial@/$min_industrial/g" -e "s/@min_width@/$min_width/g" "$1"; }
load_city() {   # load_city <gpkg> <schema>: ogr2ogr into the schema (metric CRS), then indexes and statistics
  psqlq -c "DROP SCHEMA IF EXISTS $2 CASCADE; CREATE SCHEMA $2" >/dev/null
  ogr2ogr -f PostgreSQL "PG:$PGCONN" "$1" parcels wards schools industrial_zones -t_srs EPSG:32648 -preserve_fid \
    -lco SCHEMA="$2" -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=NONE -lco LAUNDER=NO
  subst "$repo/benchmarks/peers/load.sql" "$2" | psqlq >/dev/null
}
timed() {       # timed <name> <command…>: runs under GNU time; appends "wall cpu rss_kib" to $work/<name>.times
  local name=$1; shift
  /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/$name.log" 2>&1 || { echo "FAILED: $name ($*)" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
              /User time/ { c += $2 } /System time/ { c += $2 } /Maximum resident/ { r = $2 }
              END { printf "%.3f %.3f %d\n", w, c, r }' "$work/time.txt" >>"$work/$name.times"
}
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$2" '{ print $c }' "$work/$1.times" | median; }
same_ids() {    # same_ids <reference> <file> <label>
  if ! cmp -s "$1" "$2"; then
    echo "DIFFERENT ANSWERS: $3 ($(wc -l <"$2") ids) differs from Facilities ($(wc -l <"$1") ids); first differences:" >&2
    diff "$1" "$2" | head -10 >&2
    exit 1
  fi
}
load_avg() { cut -d' ' -f1 /proc/loadavg; }   # the 1-minute load average
thousands() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }
fmt_s() { awk -v v="$1" 'BEGIN { if (v < 10) printf "%.2f s", v; else printf "%.1f s", v }'; }
fmt_ms() { awk -v v="$1" 'BEGIN { if (v < 100) printf "%.1f ms", v; else printf "%.0f ms", v }'; }
fmt_mb() { awk -v v="$1" 'BEGIN { printf "%.0f MiB", v / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# The PostGIS load + SQL round runs in a child bash under /usr/bin/time.
export -f load_city subst psqlq
export PGBIN PGCONN repo min_rural min_urban min_industrial min_width

rows=()
for size in ${sizes//,/ }; do
  n=$(count "$size")
  gpkg=$cache/city-$n-s$seed.gpkg
  csv=$cache/csv-$n-s$seed
  work=$cache/run-$n-s$seed
  rm -rf "$work"; mkdir -p "$work"
  if [ ! -f "$gpkg" ]; then
    echo "[$size] generating $n parcels (once; cached in $gpkg)…"
    "$BENCH" --peers-generate --parcels "$n" --seed "$seed" --out "$gpkg"
  fi
  if [ ! -f "$csv/.complete" ]; then
    echo "[$size] CSV export for GeoPandas (once; cached in $csv)…"
    rm -rf "$csv"; mkdir -p "$csv"
    for layer in parcels wards schools industrial_zones; do
      ogr2ogr -f CSV "$csv/$layer.csv" "$gpkg" "$layer" -lco GEOMETRY=AS_WKT
    done
    touch "$csv/.complete"
  fi
  load_before=$(load_avg)
  echo "[$size] load average $load_before; loading the city into PostGIS for the SQL-only figures…"
  held=city_$n
  load_city "$gpkg" "$held"
  subst "$repo/benchmarks/peers/screen.sql" "$held" >"$work/held.sql"
  loaded=load_$n
  subst "$repo/benchmarks/peers/screen.sql" "$loaded" >"$work/loaded.sql"

  # One untimed run first: a GeoPackage made by an older build (or by QGIS) gets the parcel attribute indexes on its
  # first screening (a one-time cost, docs/performance.md "cold sites"), which the rounds below should not include.
  "$FAC" sites "$gpkg" --level "$level" --year "$year" --top 0 --no-merge --norms "$NORMS" --out "$work/sites.csv" -q
  for r in $(seq 1 "$runs"); do
    echo "[$size] round $r/$runs: facilities sites, PostGIS load + SQL, GeoPandas…"
    timed sites "$FAC" sites "$gpkg" --level "$level" --year "$year" --top 0 --no-merge --norms "$NORMS" --out "$work/sites.csv"
    # The ids of the listed sites (column site_id; --no-merge: one parcel each), without the UTF-8 BOM.
    sed '1s/^\xEF\xBB\xBF//' "$work/sites.csv" | $PY -c "import csv, sys; r = csv.DictReader(sys.stdin); sys.stdout.writelines(sorted((row['site_id'] + '\n' for row in r), key=lambda s: s.encode()))" >"$work/ids-sites-$r.txt"
    [ "$r" -eq 1 ] && cp "$work/ids-sites-1.txt" "$work/ids.txt"
    same_ids "$work/ids.txt" "$work/ids-sites-$r.txt" "facilities sites, round $r"

    psqlq -c "DROP SCHEMA IF EXISTS $loaded CASCADE" >/dev/null
    timed pgload bash -c "load_city '$gpkg' $loaded && psqlq -At -f '$work/loaded.sql' >'$work/ids-pgload-$r.txt'"
    same_ids "$work/ids.txt" "$work/ids-pgload-$r.txt" "PostGIS load + SQL, round $r"

    timed geopandas $PY "$repo/benchmarks/peers/screen_geopandas.py" --csv-dir "$csv" --min-rural "$min_rural" --min-urban "$min_urban" \
      --min-industrial "$min_industrial" --min-width "$min_width" --out "$work/ids-geopandas-$r.txt"
    same_ids "$work/ids.txt" "$work/ids-geopandas-$r.txt" "GeoPandas from CSV, round $r"
    if [ "$gp_gpkg" -eq 1 ]; then
      timed geopandas_gpkg $PY "$repo/benchmarks/peers/screen_geopandas.py" --gpkg "$gpkg" --min-rural "$min_rural" --min-urban "$min_urban" \
        --min-industrial "$min_industrial" --min-width "$min_width" --out "$work/ids-geopandas-gpkg-$r.txt"
      same_ids "$work/ids.txt" "$work/ids-geopandas-gpkg-$r.txt" "GeoPandas from the GeoPackage, round $r"
    fi
  done
  psqlq -c "DROP SCHEMA IF EXISTS $loaded CASCADE" >/dev/null

  echo "[$size] warm in-memory screening interleaved with PostGIS SQL only ($runs rounds after one warm-up)…"
  timed warm "$BENCH" --peers-warm --dataset "$gpkg" --norms "$NORMS" --level "$level" --year "$year" --runs "$runs" --warmup 1 \
    --ids-out "$work/ids-warm.txt" --pg "$NPGSQL" --sql "$work/held.sql" --sql-ids-out "$work/ids-sql.txt"
  same_ids "$work/ids.txt" "$work/ids-warm.txt" "Facilities warm in-memory screening"
  same_ids "$work/ids.txt" "$work/ids-sql.txt" "PostGIS SQL only"
  psqlq -c "DROP SCHEMA IF EXISTS $held CASCADE" >/dev/null
  load_after=$(load_avg)

  passed=$(wc -l <"$work/ids.txt")
  warm_ms=$(awk '$1 == "RESULT" && $2 == "warm_screen" { print $3 }' "$work/warm.log")
  warm_range=$(awk '$1 == "RESULT" && $2 == "warm_screen" { print $4 "–" $5 }' "$work/warm.log")
  sql_ms=$(awk '/^RESULT sql_only/ { print $3 }' "$work/warm.log")
  sql_range=$(awk '/^RESULT sql_only/ { print $4 "–" $5 }' "$work/warm.log")
  sites_s=$(col sites 1); sites_cpu=$(col sites 2); sites_rss=$(col sites 3)
  pg_s=$(col pgload 1); pg_cpu=$(col pgload 2)
  gp_s=$(col geopandas 1); gp_cpu=$(col geopandas 2); gp_rss=$(col geopandas 3)
  sql_s=$(awk -v v="$sql_ms" 'BEGIN { print v / 1000 }')
  tag="$size ($(thousands "$n") parcels, $(thousands "$passed") pass; load average $load_before → $load_after)"
  rows+=("| $tag: \`sites\` whole process | $(fmt_s "$sites_s") (CPU $(fmt_s "$sites_cpu")), $(fmt_mb "$sites_rss") | GeoPandas from CSV $(fmt_s "$gp_s") (CPU $(fmt_s "$gp_cpu")), $(fmt_mb "$gp_rss") | $(ratio "$sites_s" "$gp_s") |")
  if [ "$gp_gpkg" -eq 1 ]; then
    gg_s=$(col geopandas_gpkg 1); gg_cpu=$(col geopandas_gpkg 2); gg_rss=$(col geopandas_gpkg 3)
    rows+=("| same | $(fmt_s "$sites_s") | GeoPandas from the GeoPackage (Fiona) $(fmt_s "$gg_s") (CPU $(fmt_s "$gg_cpu")), $(fmt_mb "$gg_rss") | $(ratio "$sites_s" "$gg_s") |")
  fi
  rows+=("| same | $(fmt_s "$sites_s") | PostGIS load + SQL $(fmt_s "$pg_s") (client CPU $(fmt_s "$pg_cpu"); server not counted) | $(ratio "$sites_s" "$pg_s") |")
  rows+=("| same | $(fmt_s "$sites_s") | PostGIS SQL only $(fmt_ms "$sql_ms") | **$(ratio "$sites_s" "$sql_s")** |")
  rows+=("| $size: screening in memory (warm) | $(fmt_ms "$warm_ms") ($warm_range) | PostGIS SQL only $(fmt_ms "$sql_ms") ($sql_range) | **$(ratio "$warm_ms" "$sql_ms")** |")
  echo "[$size] $passed parcels pass in every engine; sites $(fmt_s "$sites_s"), warm $(fmt_ms "$warm_ms"), SQL only $(fmt_ms "$sql_ms"), PostGIS load + SQL $(fmt_s "$pg_s"), GeoPandas $(fmt_s "$gp_s")"
done

map_rows=()
if [ -n "$map_size" ]; then
  n=$(count "$map_size")
  gpkg=$cache/city-$n-s$seed.gpkg
  work=$cache/map-$n-s$seed
  rm -rf "$work"; mkdir -p "$work"
  [ -f "$gpkg" ] || "$BENCH" --peers-generate --parcels "$n" --seed "$seed" --out "$gpkg"
  echo "[map $map_size] loading the parcels into PostGIS in EPSG:3857 for ST_AsMVT…"
  psqlq -c "DROP SCHEMA IF EXISTS tiles CASCADE; CREATE SCHEMA tiles"
  ogr2ogr -f PostgreSQL "PG:$PGCONN" "$gpkg" parcels -t_srs EPSG:3857 -lco SCHEMA=tiles -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=GIST
  psqlq -c "ANALYZE tiles.parcels"
  port=""
  for p in $(seq 55560 55580); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { port=$p; break; }; done
  [ -n "$port" ] || { echo "no free port for facilities serve" >&2; exit 1; }
  # One untimed start first: the parcel tile density is counted once after an import or an edit and kept in the file
  # (docs/performance.md "map start"); the rounds time the start a user sees every other time.
  "$FAC" serve "$gpkg" --port "$port" >"$work/serve.log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 1 12000); do curl -sf "http://127.0.0.1:$port/api/meta" >/dev/null 2>&1 && break; sleep 0.05; done
  kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
  map_load_before=$(load_avg)
  : >"$work/serve.times"; : >"$work/postgis.times"
  for r in $(seq 1 "$runs"); do
    echo "[map $map_size] round $r/$runs…"
    start=$(date +%s.%N)
    "$FAC" serve "$gpkg" --port "$port" >"$work/serve.log" 2>&1 &
    serve_pid=$!
    meta=""
    for _ in $(seq 1 12000); do   # at most 10 minutes
      meta=$(curl -sf "http://127.0.0.1:$port/api/meta" 2>/dev/null) && break
      kill -0 "$serve_pid" 2>/dev/null || { echo "facilities serve stopped:" >&2; tail -5 "$work/serve.log" >&2; exit 1; }
      sleep 0.05
    done
    [ -n "$meta" ] || { kill "$serve_pid"; echo "facilities serve gave no /api/meta in 10 minutes" >&2; exit 1; }
    t_meta=$(date +%s.%N)
    if [ -z "${tile:-}" ]; then
      zoom=$(echo "$meta" | $PY -c "import json, sys; print(json.load(sys.stdin)['parcelTiles']['minZoom'])")
      tile=$(psqlq -At -c "SELECT ST_X(c) || ' ' || ST_Y(c) FROM (SELECT ST_Transform(ST_PointOnSurface(geom), 4326) c FROM tiles.parcels ORDER BY fid OFFSET $((n / 2)) LIMIT 1) q" |
        $PY -c "import math, sys; lon, lat = map(float, sys.stdin.read().split()); z = $zoom; k = 2 ** z; print(z, int((lon + 180) / 360 * k), int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * k))")
      echo "[map $map_size] tile $tile (z x y)"
    fi
    read -r tz tx ty <<<"$tile"
    code=$(curl -s -o "$work/tile.mvt" -w '%{http_code}' "http://127.0.0.1:$port/tiles/parcels/$tz/$tx/$ty.mvt")
    t_tile=$(date +%s.%N)
    rss=$(awk '/VmHWM/ { print $2 }' "/proc/$serve_pid/status")
    kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
    [ "$code" = 200 ] || { echo "first tile $tz/$tx/$ty answered $code" >&2; exit 1; }
    echo "$(awk -v a="$start" -v b="$t_meta" -v c="$t_tile" 'BEGIN { printf "%.3f %.3f", b - a, c - a }') $rss $(stat -c %s "$work/tile.mvt")" >>"$work/serve.times"

    start=$(date +%s.%N)
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w restart -l "$PGDATA/log.txt" >/dev/null
    bytes=$(psqlq -At -c "SELECT length(ST_AsMVT(q, 'parcels', 4096, 'geom')) FROM (SELECT id, land_use, area_m2, ST_AsMVTGeom(p.geom, ST_TileEnvelope($tz, $tx, $ty), 4096, 64, true) AS geom FROM tiles.parcels p WHERE p.geom && ST_TileEnvelope($tz, $tx, $ty)) q")
    t_tile=$(date +%s.%N)
    echo "$(awk -v a="$start" -v c="$t_tile" 'BEGIN { printf "%.3f", c - a }') $bytes" >>"$work/postgis.times"
  done
  psqlq -c "DROP SCHEMA tiles CASCADE"
  s_meta=$(awk '{ print $1 }' "$work/serve.times" | median); s_tile=$(awk '{ print $2 }' "$work/serve.times" | median)
  s_rss=$(awk '{ print $3 }' "$work/serve.times" | median); s_bytes=$(awk '{ print $4 }' "$work/serve.times" | median)
  p_tile=$(awk '{ print $1 }' "$work/postgis.times" | median); p_bytes=$(awk '{ print $2 }' "$work/postgis.times" | median)
  map_rows+=("| map app on $(thousands "$n") parcels: \`serve\` start → \`/api/meta\` | $(fmt_s "$s_meta") | | |")
  map_rows+=("| same: start → first parcel tile $tz/$tx/$ty ($(thousands "$s_bytes") bytes) | $(fmt_s "$s_tile"), peak RSS $(fmt_mb "$s_rss") | PostGIS restart → same tile by ST_AsMVT ($(thousands "$p_bytes") bytes) $(fmt_s "$p_tile") | **$(ratio "$s_tile" "$p_tile")** |")
  map_rows+=("| (load average $map_load_before → $(load_avg)) | | | |")
  echo "[map $map_size] start → /api/meta $(fmt_s "$s_meta"), → first tile $(fmt_s "$s_tile"); PostGIS restart → tile $(fmt_s "$p_tile")"
fi

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); $pg_version; $gp_version."
  echo "Medians of $runs interleaved rounds; wall time, with CPU time (user + system) and peak RSS from /usr/bin/time -v."
  echo "Every engine's parcel ids checked equal before this table was written."
  echo
  echo "| workload | Facilities | peer | Facilities ÷ peer |"
  echo "|---|---|---|---|"
  [ ${#rows[@]} -eq 0 ] || printf '%s\n' "${rows[@]}"
  [ ${#map_rows[@]} -eq 0 ] || printf '%s\n' "${map_rows[@]}"
  echo
  echo "Command: \`scripts/bench-peers.sh --sizes $sizes --runs $runs --seed $seed --level $level --year $year${map_size:+ --map $map_size}\`"
} >"$out"
echo
cat "$out"
echo
echo "Written to $out"
