#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Start-up of linkis-desk beside DB Browser for SQLite (Debian package sqlitebrowser), measured
# the same way for both under Xvfb: wall time from exec to the first window mapped and visible
# (xdotool search --sync --onlyvisible --pid), and RSS 2 s after that (idle).
#
#   bash tests/bench/startup.sh [BIN_DIR] [RUNS]      BIN_DIR defaults to build/bin, RUNS to 7
set -euo pipefail
bin=${1:-build/bin}
runs=${2:-7}
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "needs Xvfb and xdotool" >&2; exit 2; }

sandbox=$(mktemp -d /tmp/linkis-desk-startup.XXXXXX)
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$sandbox"
}
trap cleanup EXIT
for n in $(seq 140 170); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=":$n"
    break
  fi
done
sleep 1
export HOME=$sandbox/home XDG_CONFIG_HOME=$sandbox/config XDG_DATA_HOME=$sandbox/data
export XDG_CACHE_HOME=$sandbox/cache XDG_RUNTIME_DIR=$sandbox/runtime
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent   # keep keyrings out of the timing
unset QT_QPA_PLATFORM

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else print a[int((NR+1)/2)]}'; }

measure() { # name program...
  local name=$1; shift
  local times=() rss=()
  for _ in $(seq 1 "$runs"); do
    local t0 t1 pid
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 &
    pid=$!
    if timeout 20 xdotool search --sync --onlyvisible --pid "$pid" >/dev/null 2>&1; then
      t1=$(date +%s%N)
      times+=($(( (t1 - t0) / 1000000 )))
      sleep 2
      rss+=($(awk '/^VmRSS/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo 0))
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  printf '%-22s window shown: median %s ms (runs: %s)   idle RSS: median %s MB\n' "$name" \
    "$(printf '%s\n' "${times[@]:-}" | grep . | median)" "${times[*]:-none}" \
    "$(printf '%s\n' "${rss[@]:-}" | grep . | median)"
}

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
measure linkis-desk "$bin/linkis-desk"
if command -v sqlitebrowser >/dev/null; then
  measure sqlitebrowser sqlitebrowser
else
  echo "sqlitebrowser not installed (apt-get install sqlitebrowser)"
fi
