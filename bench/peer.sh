#!/usr/bin/env bash
# Intake side by side with a peer help desk on the same machine: onewayin's case intake
# (`POST /api/v1/cases` as the demo agent, the built app on a fresh database) against ticket
# creation in Request Tracker 5 (`POST /REST/2.0/ticket` as root, basic auth), driven by one
# load generator (bench/peer-load.mjs): the same number of requests in flight, the contenders
# taking turns A B A B, medians over the rounds, ratios onewayin / RT.
#
#   bash bench/peer.sh [rounds=3] [seconds=10] [concurrency=16]
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres bash bench/peer.sh   # both on PostgreSQL
#
# What it does, and undoes:
# - installs Debian's request-tracker5 with its standalone server (Starlet) and the database
#   driver it needs, if missing (apt-get, as root or through sudo). dbconfig-no-thanks keeps
#   the packages from setting up a database of their own; msmtp-mta satisfies RT's need for a
#   mail transport without starting a daemon, and is only added where no MTA is installed;
# - builds the app if dist/ is missing (`npm run build`);
# - writes an RT site configuration into a temporary directory and points RT at it with
#   RT_SITE_CONFIG (and RT_SITE_CONFIG_DIR, so that /etc/request-tracker5/RT_SiteConfig.d is
#   not read): a fresh SQLite file there, or a fresh PostgreSQL database beside DATABASE_URL;
#   Mason's cache and sessions there too; mail to temporary files (`testfile`), not sent;
# - initialises that database without questions: `rt-setup-database-5 --action init`
#   (schema, ACLs on PostgreSQL, core objects, initial data: queue General, user root with
#   password `password`);
# - starts `rt-server` (Starlet, its default 10 workers) in a process group of its own, runs
#   the load, and on exit (a trap, also on Ctrl-C or an error) stops that process group,
#   drops RT's PostgreSQL database and removes the temporary directory. onewayin's app and
#   its database are started and removed by peer-load.mjs (bench/support.mjs).
#
# RT hashes passwords with bcrypt, at a cost of 12 by default, and basic auth checks the
# password on every request. The site configuration here sets `$BcryptCost` to 4 (RT_BCRYPT_COST
# changes it) so that the figures measure creating a ticket, as onewayin's measure creating a
# case behind a bearer token whose check costs little; set RT_BCRYPT_COST=12 for RT as shipped.
set -euo pipefail

rounds=${1:-3}
seconds=${2:-10}
concurrency=${3:-16}
rt_port=${RT_PORT:-8934}
bcrypt_cost=${RT_BCRYPT_COST:-4}
root=$(cd "$(dirname "$0")/.." && pwd)
rt_libexec=/usr/share/request-tracker5/libexec

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# --- what RT needs ---------------------------------------------------------------------------
packages=(request-tracker5 rt5-standalone dbconfig-no-thanks)
if [ -n "${DATABASE_URL:-}" ]; then packages+=(rt5-db-postgresql); else packages+=(rt5-db-sqlite); fi
[ -e /usr/sbin/sendmail ] || packages+=(msmtp-mta)
missing=()
for package in "${packages[@]}"; do installed "$package" || missing+=("$package"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# --- what onewayin needs ---------------------------------------------------------------------
cd "$root"
[ -d node_modules ] || npm ci >&2
[ -f dist/main.js ] || npm run build >&2

# --- a throw-away RT ---------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/onewayin-peer-XXXXXX")
rt_pgid=''
load_pid=''
rt_database=''
pg_host='' pg_port='' pg_user='' pg_password=''

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$load_pid" ]; then
    kill -TERM "$load_pid" 2>/dev/null || true
    wait "$load_pid" 2>/dev/null || true
  fi
  if [ -n "$rt_pgid" ]; then
    kill -TERM -- "-$rt_pgid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 -- "-$rt_pgid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$rt_pgid" 2>/dev/null || true
  fi
  if [ -n "$rt_database" ]; then
    PGPASSWORD="$pg_password" psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres \
      -c "DROP DATABASE IF EXISTS \"$rt_database\" WITH (FORCE)" >/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$work/RT_SiteConfig.d" "$work/mason" "$work/session"
if [ -n "${DATABASE_URL:-}" ]; then
  read -r pg_host pg_port pg_user pg_password < <(node -e '
    const url = new URL(process.argv[1]);
    const field = (value) => decodeURIComponent(value) || "-";
    console.log(url.hostname, url.port || 5432, field(url.username || "postgres"), field(url.password));
  ' "$DATABASE_URL")
  [ "$pg_password" = '-' ] && pg_password=''
  database_config="Set(\$DatabaseType, 'Pg');
Set(\$DatabaseHost, '$pg_host');
Set(\$DatabasePort, $pg_port);
Set(\$DatabaseUser, '$pg_user');
Set(\$DatabasePassword, '$pg_password');
Set(\$DatabaseName, 'rt_peer_$$');"
else
  database_config="Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$work/rt.sqlite');"
fi
cat >"$work/RT_SiteConfig.pm" <<EOF
Set(\$rtname, 'bench.local');
Set(\$Organization, 'bench.local');
$database_config
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $rt_port);
Set(\$WebPath, '');
Set(\$WebBaseURL, 'http://127.0.0.1:$rt_port');
Set(\$BcryptCost, $bcrypt_cost);
Set(\$MailCommand, 'testfile');
Set(\$LogToSyslog, undef);
Set(\$LogToFile, undef);
Set(\$LogToSTDERR, 'error');
Set(\$MasonDataDir, '$work/mason');
Set(\$MasonSessionDir, '$work/session');
1;
EOF
export RT_SITE_CONFIG="$work/RT_SiteConfig.pm" RT_SITE_CONFIG_DIR="$work/RT_SiteConfig.d"

if [ -n "${DATABASE_URL:-}" ]; then
  rt_database="rt_peer_$$"
  PGPASSWORD="$pg_password" rt-setup-database-5 --action init --dba "$pg_user" --dba-password "$pg_password" \
    >"$work/rt-setup.log" 2>&1 || { cat "$work/rt-setup.log" >&2; exit 1; }
else
  rt-setup-database-5 --action init --skip-create >"$work/rt-setup.log" 2>&1 || {
    cat "$work/rt-setup.log" >&2
    exit 1
  }
fi

# Without job control a background job shares the script's process group, so setsid makes the
# server the leader of a new one (no fork): its process id is the group's, workers included.
setsid "$rt_libexec/rt-server" --host 127.0.0.1 --port "$rt_port" >"$work/rt-server.log" 2>&1 &
rt_pgid=$!
for _ in $(seq 50); do
  [ "$(ps -o pgid= -p "$rt_pgid" | tr -d ' ')" = "$rt_pgid" ] && break
  sleep 0.1
done

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run;" \
  "node $(node --version), RT $(dpkg-query -W -f='${Version}' request-tracker5), RT bcrypt cost $bcrypt_cost"
# In the background, so that a signal to this script runs its trap at once (a trap waits for a
# command in the foreground to end); the trap then stops the load generator, which stops the app.
RT_URL="http://127.0.0.1:$rt_port" RT_USER=root RT_PASSWORD=password RT_PGID="$rt_pgid" \
  node bench/peer-load.mjs "$rounds" "$seconds" "$concurrency" &
load_pid=$!
status=0
wait "$load_pid" || status=$?
# Above 128, wait was cut short by a signal: exit, and the trap stops the load generator.
[ "$status" -gt 128 ] && exit "$status"
load_pid=''
if [ "$status" -ne 0 ]; then
  echo '--- rt-server log ---' >&2
  tail -n 40 "$work/rt-server.log" >&2
  exit 1
fi
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
