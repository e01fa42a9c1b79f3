#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Start-up of linkis-desk beside DB Browser for SQLite (Debian package sqlitebrowser), measured
# the same way for both under a private Xvfb (issue 6: window shown in at most half DB Browser's
# time, idle memory <= 80 MB RSS):
#   - window: wall time from exec to the first top-level window mapped. The time comes from the
#     X server's MapNotify event as xev reports it on the root window, read as it arrives: exact
#     to a millisecond or so. (`xdotool search --sync` polls every 500 ms, which made every app
#     look like 500-600 ms; polling xwininfo costs a process per try.)
#   - idle RSS: VmRSS of the process after the window was shown and it settled (SETTLE_S).
#   - linkis-desk only: exec to exit with --quit-after-show (start-up plus teardown, no X events).
# One untimed warm-up run per app first (file cache, first-run settings), then RUNS timed runs;
# medians side by side, then JSON lines to copy into BENCHMARKS.md.
#
#   bash tests/bench/startup.sh [BIN_DIR] [RUNS]      BIN_DIR defaults to build/bin, RUNS to 7
#   SETTLE_S=3 (seconds before reading the idle RSS)
set -euo pipefail
bin=${1:-build/bin}
runs=${2:-7}
settle=${SETTLE_S:-3}
for tool in Xvfb xev; do
  command -v "$tool" >/dev/null || { echo "needs $tool (packages xvfb, x11-utils)" >&2; exit 2; }
done
[ -x "$bin/linkis-desk" ] || { echo "no $bin/linkis-desk (build the linkis-desk target)" >&2; exit 2; }
linebuf=()
command -v stdbuf >/dev/null && linebuf=(stdbuf -oL)

sandbox=$(mktemp -d /tmp/linkis-desk-startup.XXXXXX)
xvfb_pid=
xev_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xev_pid" ] && kill "$xev_pid" 2>/dev/null || true
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
[ -n "$xvfb_pid" ] || { echo "no free X display number" >&2; exit 2; }
sleep 1
export HOME=$sandbox/home XDG_CONFIG_HOME=$sandbox/config XDG_DATA_HOME=$sandbox/data
export XDG_CACHE_HOME=$sandbox/cache XDG_RUNTIME_DIR=$sandbox/runtime
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent   # keep keyrings out of the timing
unset QT_QPA_PLATFORM

now_us() { echo "${EPOCHREALTIME/./}"; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "null"; else print a[int((NR+1)/2)]}'; }
rss_mb() { awk '/^VmRSS/ {print int($2/1024)}' "/proc/$1/status" 2>/dev/null || echo 0; }

# One run: starts the program, waits for its first top-level (not override-redirect) window to
# be mapped. Sets map_ms (empty on timeout), window_id and app_pid; the app keeps running.
map_ms='' window_id=''
run_once() {
  map_ms='' window_id=''
  coproc XEV { exec "${linebuf[@]}" xev -root -event substructure 2>/dev/null; }
  # shellcheck disable=SC2153 # XEV_PID is set by coproc
  xev_pid=$XEV_PID
  local events=${XEV[0]}
  sleep 0.3 # xev has selected the root window's events
  local t0 line next
  t0=$(now_us)
  "$@" >/dev/null 2>&1 &
  app_pid=$!
  # MapNotify event, serial 18, synthetic NO, window 0x50d,
  #     event 0x50d, window 0x400006, override NO
  while IFS= read -r -t 20 line <&"$events"; do
    [[ $line == MapNotify* ]] || continue
    IFS= read -r -t 5 next <&"$events" || break
    if [[ $next == *"override NO"* ]]; then
      map_ms=$(( ($(now_us) - t0) / 1000 ))
      window_id=$(sed -E 's/.*window (0x[0-9a-f]+).*/\1/' <<<"$next")
      break
    fi
  done
  kill "$xev_pid" 2>/dev/null || true
  wait "$xev_pid" 2>/dev/null || true
  xev_pid=
}

stop_app() {
  [ -n "$app_pid" ] || return 0
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

# measure NAME PROGRAM... : a warm-up run, then RUNS timed ones. Sets the result_* variables.
measure() {
  shift # the name is for the reader of the call
  local times=() rss=() title=''
  run_once "$@"
  stop_app
  for _ in $(seq 1 "$runs"); do
    run_once "$@"
    if [ -n "$map_ms" ]; then
      times+=("$map_ms")
      sleep "$settle"
      rss+=("$(rss_mb "$app_pid")")
      if [ -z "$title" ] && command -v xprop >/dev/null; then
        title=$(xprop -id "$window_id" WM_NAME 2>/dev/null | sed -E 's/^[^"]*"?//; s/"$//')
      fi
    fi
    stop_app
  done
  result_window=$(printf '%s\n' "${times[@]:-}" | grep . | median)
  result_rss=$(printf '%s\n' "${rss[@]:-}" | grep . | median)
  result_runs=$(IFS=,; echo "${times[*]:-}")
  result_title=$title
}

# exec to exit of linkis-desk --quit-after-show, RUNS times after a warm-up.
quit_after_show() {
  local times=() t0
  "$bin/linkis-desk" --quit-after-show >/dev/null 2>&1 || true
  for _ in $(seq 1 "$runs"); do
    t0=$(now_us)
    if "$bin/linkis-desk" --quit-after-show >/dev/null 2>&1; then
      times+=($(( ($(now_us) - t0) / 1000 )))
    fi
  done
  qas_median=$(printf '%s\n' "${times[@]:-}" | grep . | median)
  qas_runs=$(IFS=,; echo "${times[*]:-}")
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load $load_before, $runs runs each after a warm-up, RSS ${settle} s after the window"

measure linkis-desk "$bin/linkis-desk"
ours_window=$result_window ours_rss=$result_rss ours_runs=$result_runs ours_title=$result_title
quit_after_show

db_installed=false
db_window=null db_rss=null db_runs='' db_title=''
if command -v sqlitebrowser >/dev/null; then
  db_installed=true
  measure sqlitebrowser sqlitebrowser
  db_window=$result_window db_rss=$result_rss db_runs=$result_runs db_title=$result_title
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

printf '\n%-16s %16s %14s   %s\n' app "window (median)" "idle RSS" "runs (ms) / timed window"
printf '%-16s %13s ms %11s MB   %s / "%s"\n' linkis-desk "$ours_window" "$ours_rss" \
  "$ours_runs" "$ours_title"
if $db_installed; then
  printf '%-16s %13s ms %11s MB   %s / "%s"\n' sqlitebrowser "$db_window" "$db_rss" \
    "$db_runs" "$db_title"
else
  printf '%-16s %16s %14s   %s\n' sqlitebrowser "not installed" - "(apt-get install sqlitebrowser)"
fi
printf 'linkis-desk --quit-after-show, exec to exit: median %s ms (runs: %s)\n' "$qas_median" \
  "$qas_runs"

ratio=null window_met=null
if $db_installed && [ "$ours_window" != null ] && [ "$db_window" != null ] && [ "$db_window" -gt 0 ]; then
  ratio=$(awk -v a="$ours_window" -v b="$db_window" 'BEGIN {printf "%.2f", a / b}')
  window_met=$(awk -v r="$ratio" 'BEGIN {print (r <= 0.5) ? "true" : "false"}')
fi
rss_met=null
[ "$ours_rss" != null ] && rss_met=$([ "$ours_rss" -le 80 ] && echo true || echo false)
echo "targets: window <= 0.5 x DB Browser's (ratio $ratio, met: $window_met)," \
  "idle RSS <= 80 MB ($ours_rss MB, met: $rss_met)"

echo
echo "{\"app\":\"linkis-desk\",\"window_shown_ms_p50\":$ours_window,\"window_shown_ms_runs\":[$ours_runs],\"idle_rss_mb_p50\":$ours_rss,\"quit_after_show_ms_p50\":$qas_median}"
if $db_installed; then
  echo "{\"app\":\"sqlitebrowser\",\"window_shown_ms_p50\":$db_window,\"window_shown_ms_runs\":[$db_runs],\"idle_rss_mb_p50\":$db_rss}"
else
  echo "{\"app\":\"sqlitebrowser\",\"installed\":false}"
fi
echo "{\"startup_ratio_vs_db4s\":$ratio,\"startup_window_met\":$window_met,\"idle_rss_met\":$rss_met,\"runs\":$runs,\"load_before\":\"$load_before\",\"load_after\":\"$load_after\"}"
