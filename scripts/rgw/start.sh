#!/usr/bin/env bash
# Start a throwaway single-node Ceph RADOS Gateway (real S3 API, verifies
# SigV4) on 127.0.0.1, with every file under DIR.
#
#   scripts/rgw/start.sh DIR      # DIR: empty or non-existent directory
#   . DIR/env                     # S3_ENDPOINT, S3_ACCESS_KEY_ID, ...
#   scripts/rgw/stop.sh DIR
#
# Env (all optional):
#   RGW_API_NAME          zonegroup api name = S3 region   (default us-east-1)
#   RGW_ACCESS_KEY_ID     access key of user "test"        (default: random)
#   RGW_SECRET_ACCESS_KEY secret key of user "test"        (default: random)
#   RGW_TIMEOUT           bound in seconds for each wait   (default 60)
#   RGW_DEBUG=1           on failure, also print the tail of every log
#
# Prints only the endpoint on stdout. On failure prints one line
# "rgw/start.sh: ..." on stderr, stops what it started, exits non-zero.
set -euo pipefail

PROG=rgw/start.sh
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 DIR   (DIR: empty or non-existent directory)" >&2
  exit 2
fi

API_NAME=${RGW_API_NAME:-us-east-1}
TIMEOUT=${RGW_TIMEOUT:-60}

if ! [[ $API_NAME =~ ^[A-Za-z0-9._-]+$ ]]; then
  echo "$PROG: bad RGW_API_NAME '$API_NAME'" >&2
  exit 2
fi
for key in "${RGW_ACCESS_KEY_ID:-x}" "${RGW_SECRET_ACCESS_KEY:-x}"; do
  if ! [[ $key =~ ^[A-Za-z0-9/+=._-]+$ ]]; then
    echo "$PROG: RGW_ACCESS_KEY_ID / RGW_SECRET_ACCESS_KEY may only use A-Z a-z 0-9 / + = . _ -" >&2
    exit 2
  fi
done
if ! [[ $TIMEOUT =~ ^[0-9]+$ ]] || [ "$TIMEOUT" -lt 1 ]; then
  echo "$PROG: bad RGW_TIMEOUT '$TIMEOUT'" >&2
  exit 2
fi
for bin in ceph ceph-mon ceph-osd ceph-authtool monmaptool radosgw radosgw-admin uuidgen timeout; do
  if ! command -v "$bin" >/dev/null 2>&1; then
    echo "$PROG: '$bin' not found; install with: apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd" >&2
    exit 1
  fi
done

mkdir -p "$1"
DIR=$(cd "$1" && pwd -P)
if [ -n "$(ls -A "$DIR")" ]; then
  echo "$PROG: $DIR is not empty (give a fresh empty directory; stop an old cluster with stop.sh)" >&2
  exit 1
fi

CONF=$DIR/ceph.conf
START_NS=$(date +%s%N)
STARTED=0 # set to 1 once everything is up; the EXIT trap stops daemons otherwise

dump_logs() {
  local f
  for f in "$DIR"/*.log "$DIR"/log/*.log; do
    [ -s "$f" ] || continue
    echo "----- tail $f" >&2
    tail -n 30 "$f" >&2
  done
}

on_exit() {
  local rc=$?
  if [ "$STARTED" != 1 ]; then
    trap '' PIPE INT TERM HUP # finish cleaning up even if stderr is gone
    "$HERE/stop.sh" "$DIR" >/dev/null 2>&1 || true
    [ "${RGW_DEBUG:-}" = 1 ] && dump_logs
    [ "$rc" = 0 ] && rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'echo "$PROG: interrupted" >&2; exit 130' INT TERM HUP

die() {
  echo "$PROG: $*" >&2
  exit 1
}

# Run a step; on failure die with the step name and where its output is.
step() {
  local name=$1 log=$2
  shift 2
  if ! timeout --foreground "$TIMEOUT" "$@" >>"$log" 2>&1; then
    die "$name failed or timed out after ${TIMEOUT}s (see $log)"
  fi
}

cephcli() {
  timeout --foreground 15 ceph -c "$CONF" --connect-timeout 5 "$@"
}

# Start a daemon in the foreground (-f) in the background; record "PID NAME".
spawn() {
  local name=$1
  shift
  "$@" </dev/null >"$DIR/$name.log" 2>&1 &
  echo "$! $name" >>"$DIR/pids"
}

pid_of() { awk -v n="$1" '$2 == n { print $1 }' "$DIR/pids"; }

alive() {
  local pid=$1 state
  [ -r "/proc/$pid/stat" ] || return 1
  state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# wait_for DESC DAEMON CMD...: poll CMD until it succeeds, at most $TIMEOUT s;
# fail at once if DAEMON (a name in DIR/pids) has exited.
wait_for() {
  local desc=$1 daemon=$2 pid deadline
  shift 2
  pid=$(pid_of "$daemon")
  deadline=$(($(date +%s) + TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if ! alive "$pid"; then
      die "$daemon exited while waiting for $desc (see $DIR/$daemon.log and $DIR/log/)"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      die "timed out after ${TIMEOUT}s waiting for $desc (see $DIR/$daemon.log and $DIR/log/)"
    fi
    sleep 0.1
  done
}

free_ports() { # prints N distinct free loopback TCP ports
  local n=$1
  if command -v python3 >/dev/null 2>&1; then
    python3 -c '
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$n"
  elif command -v node >/dev/null 2>&1; then
    node -e '
const net = require("net"); const n = +process.argv[1]; const ports = [], srvs = [];
(function next() {
  if (ports.length === n) { console.log(ports.join(" ")); srvs.forEach(s => s.close()); return; }
  const s = net.createServer(); srvs.push(s);
  s.listen(0, "127.0.0.1", () => { ports.push(s.address().port); next(); });
})();' "$n"
  else
    die "need python3 or node to pick free ports"
  fi
}

http_up() {
  if command -v curl >/dev/null 2>&1; then
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$RGW_PORT/") || return 1
    [ "$code" != 000 ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$RGW_PORT") 2>/dev/null
  fi
}

osd_up() { # (no grep -q: with pipefail an early exit could fail the pipe)
  cephcli osd dump 2>/dev/null | grep '^osd\.0 up ' >/dev/null
}

rand_str() { # rand_str LEN ALPHABET
  local out=''
  while [ ${#out} -lt "$1" ]; do
    out+=$(head -c 256 /dev/urandom | LC_ALL=C tr -dc "$2" || true)
  done
  printf '%s' "${out:0:$1}"
}

read -r MON_PORT RGW_PORT <<<"$(free_ports 2)" || true
[[ ${MON_PORT:-} =~ ^[0-9]+$ && ${RGW_PORT:-} =~ ^[0-9]+$ ]] || die "could not pick free ports"

ACCESS_KEY=${RGW_ACCESS_KEY_ID:-$(rand_str 20 'A-Z0-9')}
SECRET_KEY=${RGW_SECRET_ACCESS_KEY:-$(rand_str 40 'A-Za-z0-9')}
FSID=$(uuidgen)
OSD_UUID=$(uuidgen)

mkdir -p "$DIR/mon" "$DIR/osd" "$DIR/rgw" "$DIR/run" "$DIR/log" "$DIR/crash"
: >"$DIR/pids"

cat >"$CONF" <<EOF
# generated by scripts/rgw/start.sh; throwaway single-node cluster
[global]
fsid = $FSID
mon_initial_members = a
mon_host = v2:127.0.0.1:$MON_PORT
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
ms_bind_msgr1 = false
ms_bind_msgr2 = true
ms_bind_ipv6 = false

auth_cluster_required = none
auth_service_required = none
auth_client_required = none
# without crc modes radosgw hangs at start (get_initial_auth_request returned -13)
ms_mon_client_mode = crc
ms_mon_service_mode = crc
ms_mon_cluster_mode = crc
ms_client_mode = crc
ms_service_mode = crc
ms_cluster_mode = crc

keyring = $DIR/keyring
run_dir = $DIR/run
admin_socket = $DIR/run/\$name.asok
pid_file = $DIR/run/\$name.pid
log_file = $DIR/log/\$name.log
crash_dir = $DIR/crash
mon_data = $DIR/mon
osd_data = $DIR/osd
rgw_data = $DIR/rgw
log_to_stderr = false
err_to_stderr = true
mon_cluster_log_file = $DIR/log/cluster.log

# one OSD
osd_pool_default_size = 1
osd_pool_default_min_size = 1
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
osd_crush_chooseleaf_type = 0
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
mon_max_pg_per_osd = 1000
mon_data_avail_warn = 1
mon_data_avail_crit = 0

# speed: cold start ~13 s -> ~2 s, first bucket create ~2 s -> ~0.15 s
paxos_propose_interval = 0.05
paxos_min_wait = 0.01
mon_osd_prime_pg_temp = false

# memory
osd_objectstore = memstore
memstore_device_bytes = 2147483648
osd_min_pg_log_entries = 10
osd_max_pg_log_entries = 100
osd_pg_log_trim_min = 10
osd_pg_log_dups_tracked = 100

# full 1000-key ListObjects pages, like AWS
rgw_override_bucket_index_max_shards = 1

[client.rgw.a]
rgw_frontends = beast endpoint=127.0.0.1:$RGW_PORT
# SSE-C (customer-provided keys) over plain HTTP on loopback, for tests of such objects
rgw_crypt_require_ssl = false
EOF

# --- mon
step "ceph-authtool" "$DIR/setup.log" \
  ceph-authtool --create-keyring "$DIR/keyring" --gen-key -n mon. --cap mon 'allow *'
step "monmaptool" "$DIR/setup.log" \
  monmaptool --create --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_PORT]" "$DIR/monmap"
step "ceph-mon --mkfs" "$DIR/setup.log" \
  ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap" --keyring "$DIR/keyring"
spawn mon ceph-mon -c "$CONF" -i a -f
wait_for "ceph-mon to answer on port $MON_PORT" mon cephcli mon stat

# --- osd
step "ceph osd new" "$DIR/setup.log" ceph -c "$CONF" --connect-timeout 10 osd new "$OSD_UUID"
step "ceph-osd --mkfs" "$DIR/setup.log" \
  ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$OSD_UUID"
spawn osd ceph-osd -c "$CONF" -i 0 -f
wait_for "osd.0 to be up" osd osd_up

# --- S3 user, and zonegroup api name (= S3 region), before radosgw starts.
# "zonegroup modify" only works once the default zone/zonegroup exist, and
# they are created by the first radosgw-admin command that initialises RGW
# fully (user create does; zonegroup/zone commands do not).
step "radosgw-admin user create" "$DIR/setup.log" \
  radosgw-admin -c "$CONF" user create --uid=test --display-name=test \
  --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY"

# Without a realm no "period update --commit" is needed: radosgw reads the
# default zonegroup object itself. modify prints the resulting zonegroup.
if ! zg=$(timeout --foreground "$TIMEOUT" radosgw-admin -c "$CONF" zonegroup modify \
  --rgw-zonegroup=default --api-name="$API_NAME" 2>>"$DIR/setup.log"); then
  die "radosgw-admin zonegroup modify --api-name=$API_NAME failed or timed out (see $DIR/setup.log)"
fi
echo "$zg" >>"$DIR/setup.log"
grep -q "\"api_name\": \"$API_NAME\"" <<<"$zg" \
  || die "zonegroup api_name is not '$API_NAME' after modify (see $DIR/setup.log)"

# --- radosgw
spawn rgw radosgw -c "$CONF" -n client.rgw.a -f
wait_for "radosgw HTTP on 127.0.0.1:$RGW_PORT" rgw http_up

cat >"$DIR/env.tmp" <<EOF
S3_ENDPOINT=http://127.0.0.1:$RGW_PORT
S3_ACCESS_KEY_ID=$ACCESS_KEY
S3_SECRET_ACCESS_KEY=$SECRET_KEY
S3_REGION=$API_NAME
EOF
mv "$DIR/env.tmp" "$DIR/env"

STARTED=1
END_NS=$(date +%s%N)
ELAPSED_MS=$(((END_NS - START_NS) / 1000000))
echo "rgw: up in $((ELAPSED_MS / 1000)).$(printf '%03d' $((ELAPSED_MS % 1000)))s; env in $DIR/env" >&2
echo "http://127.0.0.1:$RGW_PORT"
