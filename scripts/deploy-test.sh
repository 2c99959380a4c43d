#!/usr/bin/env bash
# Tries docs/deployment.md end to end on this machine, on loopback only: a throwaway PostgreSQL + PostGIS cluster,
# `facilities serve --behind-proxy` on 127.0.0.1, Debian's nginx in front with HTTPS (a self-signed certificate and
# deploy/nginx/facilities.conf with only names, ports and paths replaced), a login through nginx with curl, one case
# transition, the audit log read with `facilities cases audit`, a cross-site POST refused, and a backup with pg_dump
# restored into a second database with the same case and audit counts. Stops everything it started; exit 0 on success.
# FACILITIES_BIN: the `facilities` executable to use (default: build src/Facilities.Cli and use its output).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

step() { echo "deploy-test: $*"; }
fail() { echo "deploy-test: FAILED: $*" >&2; exit 1; }

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  step "installing nginx (Debian package)"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
PGBIN=/usr/lib/postgresql/15/bin
[ -x "$PGBIN/initdb" ] || fail "PostgreSQL 15 is not installed (apt-get install postgresql-15 postgresql-15-postgis-3)"

BIN=${FACILITIES_BIN:-}
if [ -z "$BIN" ]; then
  step "building src/Facilities.Cli"
  dotnet build src/Facilities.Cli -v q -nologo >/dev/null || fail "build"
  BIN="$ROOT/src/Facilities.Cli/bin/Debug/net10.0/linux-x64/facilities"
fi
[ -x "$BIN" ] || fail "no executable at $BIN"

W=$(mktemp -d /tmp/facilities-deploy.XXXXXX)
chmod 755 "$W"
PGDATA="$W/pg"; APP_PID=""; NGINX_STARTED=""
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$NGINX_STARTED" ] && "$NGINX" -p "$W/nginx" -c "$W/nginx/nginx.conf" -s stop >/dev/null 2>&1 || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -f "$PGDATA/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$W"
}
trap cleanup EXIT

free_port() { local p; for p in $(seq "$1" "$2"); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }; done; return 1; }

step "PostgreSQL + PostGIS (throwaway cluster)"
mkdir -p "$PGDATA"; [ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA"; chmod 700 "$PGDATA"
as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null
# A few ports in turn: a port found free can be taken before the server binds it (a test's throwaway cluster still
# shutting down once made the only attempt fail, with its log removed); the log's end is shown if every try fails.
PGPORT=""
for try in 1 2 3; do
  port=$(free_port $((55600 + (try - 1) * 17)) 55650) || fail "no free port for PostgreSQL"
  if as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log.txt" -w -t 60 -o "-h 127.0.0.1 -p $port -k $PGDATA" start >/dev/null; then
    PGPORT=$port; break
  fi
  echo "deploy-test: PostgreSQL did not start on port $port (try $try):"; tail -5 "$PGDATA/log.txt" 2>/dev/null
done
[ -n "$PGPORT" ] || fail "PostgreSQL did not start"
PSQL() { "$PGBIN/psql" "host=127.0.0.1 port=$PGPORT user=postgres dbname=$1" -qtAX -v ON_ERROR_STOP=1 -c "$2"; }
PSQL postgres "CREATE DATABASE facilities"
PSQL facilities "CREATE EXTENSION postgis"
DB="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=facilities"

step "dataset and the first account"
"$BIN" generate --out "$W/d.gpkg" --parcels 0 --wards 3 >/dev/null
FACILITIES_NEW_PASSWORD=admin-pw-1 "$BIN" cases users add admin --role city_department --db "$DB" >/dev/null

step "facilities serve --behind-proxy on 127.0.0.1"
APPPORT=$(free_port 18080 18130) || fail "no free port for the app"
"$BIN" serve "$W/d.gpkg" --db "$DB" --listen "127.0.0.1:$APPPORT" --behind-proxy >"$W/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  grep -q "map app running at" "$W/app.log" && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$W/app.log"; fail "the app stopped"; }
  sleep 0.5
done
grep -q "map app running at" "$W/app.log" || fail "the app did not start"

step "nginx with HTTPS in front (deploy/nginx/facilities.conf)"
HTTPSPORT=$(free_port 18443 18493) || fail "no free port for nginx"
HTTPPORT=$(free_port 18500 18550) || fail "no free port for nginx"
NAME=facilities.test
mkdir -p "$W/nginx/tls" "$W/nginx/logs"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=$NAME" \
  -addext "subjectAltName=DNS:$NAME" -keyout "$W/nginx/tls/key.pem" -out "$W/nginx/tls/cert.pem" 2>/dev/null
sed -e "s|truong.haiphong.gov.vn|$NAME|g" -e "s|listen 80;|listen 127.0.0.1:$HTTPPORT;|" -e "/listen \[::\]:80;/d" \
  -e "s|listen 443 ssl http2;|listen 127.0.0.1:$HTTPSPORT ssl http2;|" -e "/listen \[::\]:443/d" \
  -e "s|/etc/facilities/tls|$W/nginx/tls|g" -e "s|127.0.0.1:8080|127.0.0.1:$APPPORT|" deploy/nginx/facilities.conf >"$W/nginx/facilities.conf"
cat >"$W/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $W/nginx/nginx.pid;
error_log $W/nginx/logs/error.log;
events { worker_connections 64; }
http {
  access_log $W/nginx/logs/access.log;
  client_body_temp_path $W/nginx/body; proxy_temp_path $W/nginx/proxy; fastcgi_temp_path $W/nginx/fcgi;
  uwsgi_temp_path $W/nginx/uwsgi; scgi_temp_path $W/nginx/scgi;
  include $W/nginx/facilities.conf;
}
CONF
"$NGINX" -t -q -p "$W/nginx" -c "$W/nginx/nginx.conf" || fail "nginx -t"
"$NGINX" -p "$W/nginx" -c "$W/nginx/nginx.conf" || fail "nginx did not start"
NGINX_STARTED=1
URL="https://$NAME:$HTTPSPORT"
CURL=(curl -sS --cacert "$W/nginx/tls/cert.pem" --resolve "$NAME:$HTTPSPORT:127.0.0.1" --max-time 30)

step "plain HTTP is redirected to HTTPS"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTPPORT/" -H "Host: $NAME")" = 301 ] || fail "port 80 does not redirect"

step "login through nginx over HTTPS"
code=$("${CURL[@]}" -o "$W/login.json" -D "$W/login.headers" -w '%{http_code}' -c "$W/cookies" \
  -H 'Content-Type: application/json' -d '{"user":"admin","password":"admin-pw-1"}' "$URL/api/login")
[ "$code" = 200 ] || { cat "$W/login.json"; fail "login answered $code"; }
grep -i '^set-cookie: facilities_session=' "$W/login.headers" | grep -qi '; secure' || fail "the session cookie is not Secure"

step "a cross-site POST is refused"
code=$("${CURL[@]}" -o "$W/csrf.json" -w '%{http_code}' -b "$W/cookies" -H 'Content-Type: application/json' \
  -H 'Origin: https://evil.example' -d '{"to":"received","version":0}' "$URL/api/cases/99001-mam_non-2/transitions")
[ "$code" = 403 ] && grep -q '"cross-site"' "$W/csrf.json" || fail "cross-site POST answered $code"

step "one transition from the app's own origin"
code=$("${CURL[@]}" -o "$W/move.json" -w '%{http_code}' -b "$W/cookies" -H 'Content-Type: application/json' \
  -H "Origin: $URL" -d '{"to":"received","version":0,"note":"qua nginx"}' "$URL/api/cases/99001-mam_non-2/transitions")
[ "$code" = 200 ] || { cat "$W/move.json"; fail "transition answered $code"; }

step "the audit log"
FACILITIES_PASSWORD=admin-pw-1 "$BIN" cases audit --db "$DB" --user admin >"$W/audit.tsv"
grep -qP '\tadmin\t127\.0\.0\.1\tlogin\t' "$W/audit.tsv" || { cat "$W/audit.tsv"; fail "no login line"; }
grep -qP '\tadmin\t127\.0\.0\.1\ttransition\t99001-mam_non-2 #1: not_started -> received' "$W/audit.tsv" || { cat "$W/audit.tsv"; fail "no transition line"; }

step "backup with pg_dump, restore into a second database"
"$PGBIN/pg_dump" -h 127.0.0.1 -p "$PGPORT" -U postgres -Fc -f "$W/facilities.dump" facilities
PSQL postgres "CREATE DATABASE facilities_restored"
"$PGBIN/pg_restore" -h 127.0.0.1 -p "$PGPORT" -U postgres -d facilities_restored --exit-on-error "$W/facilities.dump"
count() { PSQL "$1" "SELECT (SELECT count(*) FROM facilities_tracker.cases) || ' ' || (SELECT count(*) FROM facilities_tracker.case_events) || ' ' || (SELECT count(*) FROM facilities_tracker.audit_log)"; }
before=$(count facilities); after=$(count facilities_restored)
[ "$before" = "$after" ] && [ "${before%% *}" = 1 ] || fail "cases/events/audit lines $before before, $after after the restore"

step "ok: cases, events, audit lines = $before in both databases"
