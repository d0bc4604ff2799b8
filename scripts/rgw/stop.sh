#!/usr/bin/env bash
# Stop the cluster that scripts/rgw/start.sh started under DIR.
#
#   scripts/rgw/stop.sh DIR
#
# Sends TERM to each process recorded in DIR/pids, one at a time, last
# started first (radosgw, osd, mon), and KILL if it is still there after
# RGW_STOP_GRACE seconds (default 5). A zombie counts as stopped. Only
# signals a PID whose command line still names DIR/ceph.conf, so a recycled
# PID is never hit. Idempotent: exits 0 when DIR, DIR/pids or the processes
# are already gone. Leaves DIR's files in place.
set -u

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
[ -d "$1" ] || exit 0
DIR=$(cd "$1" && pwd -P) || exit 0
[ -f "$DIR/pids" ] || exit 0
CONF=$DIR/ceph.conf
GRACE=${RGW_STOP_GRACE:-5}
[[ $GRACE =~ ^[0-9]+$ ]] || GRACE=5

# ours PID: alive (not a zombie) and started with -c DIR/ceph.conf
ours() {
  local pid=$1 state
  [ -r "/proc/$pid/stat" ] || return 1
  state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF "$CONF"
}

# One at a time, last started first (radosgw, osd, mon): radosgw hangs on
# shutdown once the OSD is gone, and the OSD waits for the mon's ack.
mapfile -t PIDS < <(awk '$1 ~ /^[0-9]+$/ { print $1 }' "$DIR/pids" | tac)

live() { # live PID...: prints those still ours and running
  local pid out=()
  for pid in "$@"; do
    ours "$pid" && out+=("$pid")
  done
  echo "${out[*]}"
}

stop_pids() { # TERM, wait up to GRACE s, KILL, wait up to 5 s
  local left pid deadline
  left=$(live "$@")
  [ -z "$left" ] && return 0
  for pid in $left; do kill -TERM "$pid" 2>/dev/null; done
  deadline=$(($(date +%s%N) / 1000000 + GRACE * 1000))
  # shellcheck disable=SC2086
  while left=$(live $left) && [ -n "$left" ] && [ $(($(date +%s%N) / 1000000)) -lt "$deadline" ]; do
    sleep 0.05
  done
  [ -z "$left" ] && return 0
  for pid in $left; do kill -KILL "$pid" 2>/dev/null; done
  deadline=$(($(date +%s) + 5))
  # shellcheck disable=SC2086
  while left=$(live $left) && [ -n "$left" ] && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep 0.05
  done
  [ -n "$left" ] && echo "rgw/stop.sh: warning: still running after KILL: $left" >&2
  return 0
}

for pid in "${PIDS[@]}"; do
  stop_pids "$pid"
done
exit 0
