#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs ctest with what the tests need around it: an isolated HOME and XDG tree, Xvfb for the
# tests that want a real X display, and a D-Bus session with an unlocked gnome-keyring for the
# keychain tests. Everything started here is stopped on exit.
set -euo pipefail
build=${1:-build}; shift || true
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "$build" && pwd)

sandbox=$(mktemp -d /tmp/linkis-desk-test.XXXXXX)
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$sandbox"
}
trap cleanup EXIT

export HOME=$sandbox/home XDG_CONFIG_HOME=$sandbox/config XDG_DATA_HOME=$sandbox/data
export XDG_CACHE_HOME=$sandbox/cache XDG_RUNTIME_DIR=$sandbox/runtime
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen

# Sanitizer settings for every process the tests start (gateway, CLI, app), when the build has
# them. Leak checking is off: Qt, fontconfig and D-Bus keep allocations until exit by design,
# and a suppression list for them would hide our own leaks as well; ASan still finds
# use-after-free, overflows and double frees, and UBSan stops at the first undefined behaviour.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:check_initialization_order=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

# Xvfb for the tests that drive the real app (xdotool). -displayfd lets the server take a free
# display itself (a lock file in /tmp is not enough: another Xvfb, e.g. in another chroot, may hold
# the abstract socket) and tells its number once it accepts connections.
if command -v Xvfb >/dev/null; then
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$sandbox/xvfb-display" \
    >"$sandbox/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 100); do
    [ -s "$sandbox/xvfb-display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -s "$sandbox/xvfb-display" ]; then
    export LINKIS_DESK_TEST_DISPLAY=":$(tr -dc 0-9 <"$sandbox/xvfb-display")"
  else
    echo "run-tests: Xvfb did not start; the tests that need a display will skip" >&2
    cat "$sandbox/xvfb.log" >&2 || true
  fi
fi

cd "$build"
status=0
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  dbus-run-session -- bash -c '
    printf %s ci-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
    export LINKIS_DESK_KEYRING=1
    ctest --output-on-failure -j2 "$@"' ctest "$@" 2> >(grep -v "Failed to set fd limit" >&2) || status=$?
else
  ctest --output-on-failure -j2 "$@" || status=$?
fi
exit $status
