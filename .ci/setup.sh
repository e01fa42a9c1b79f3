#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Linkis Desk set-up for Debian 12. Idempotent and incremental: run it again at any time.
#
#   bash .ci/setup.sh run    install what is missing, build the three programs (no tests), start
#                            the app on the local gateway
#   bash .ci/setup.sh test   install what is missing, build (warnings are errors), run every test
#
# The test build is clang 14 with AddressSanitizer + UndefinedBehaviorSanitizer and the libFuzzer
# targets (build-asan): every test, and every gateway, CLI and app process a test starts, runs
# instrumented, and each fuzz target runs briefly from its corpus.
#
# Environment: BUILD_DIR (default: build for run, build-asan for test), JOBS (default: nproc),
# LINKIS_DESK_GUI=OFF for a build without widgets, SANITIZE=0 to test a plain gcc build instead
# (build-test; the fuzz corpora are still replayed, without libFuzzer).
set -euo pipefail

mode=${1:-}
case "$mode" in
  run|test|deps) ;;
  *) echo "usage: bash .ci/setup.sh run|test" >&2; exit 2 ;;
esac
shift || true

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
SANITIZE=${SANITIZE:-1}
if [ "$mode" = test ] && [ "$SANITIZE" = 1 ]; then
  # One build serves every test: clang with ASan + UBSan, and the libFuzzer targets in it.
  BUILD_DIR=${BUILD_DIR:-build-asan}
elif [ "$mode" = test ]; then
  # Its own directory: warnings-as-errors flags differ from the run build, and sharing one
  # directory would rebuild everything each time the two commands alternate.
  BUILD_DIR=${BUILD_DIR:-build-test}
else
  BUILD_DIR=${BUILD_DIR:-build}
fi
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
GUI=${LINKIS_DESK_GUI:-ON}

SUDO=
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi

# What the build and the app need.
build_pkgs=(
  g++ make cmake ninja-build pkg-config
  qt6-base-dev qt6-tools-dev qt6-l10n-tools
  libgl-dev libvulkan-dev libqscintilla2-qt6-dev qtkeychain-qt6-dev libsqlite3-dev
  libsecret-1-0 python3 fonts-dejavu-core fonts-wqy-microhei
  qt6-translations-l10n libxlsxwriter-dev
  qt6-charts-dev libqt6opengl6-dev qt6-svg-dev
)
# What only the tests need.
test_pkgs=(xvfb xauth xdotool imagemagick gnome-keyring dbus dbus-bin clang-format-14 procps
           dpkg-dev file python3-xlsxwriter)
# The sanitized test build: clang, its sanitizer and libFuzzer runtimes, the symbolizer, lld.
sanitize_pkgs=(clang-14 libclang-rt-14-dev llvm-14 lld-14)

install_missing() {
  local missing=()
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# configure_and_build WERROR [SANITIZE [TARGET...]]: no targets builds everything.
configure_and_build() {
  local werror=$1 sanitize=${2:-0}
  shift 2 || shift $#
  local targets=()
  if [ $# -gt 0 ]; then targets=(--target "$@"); fi
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    local extra=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
    if [ "$sanitize" = 1 ]; then
      # -O1 with line tables: readable sanitizer stacks, and it compiles faster than -O2 -g.
      extra=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only"
             -DCMAKE_CXX_COMPILER=clang++-14 -DLINKIS_DESK_SANITIZE=address,undefined
             -DLINKIS_DESK_FUZZ=ON)
    fi
    cmake -S . -B "$BUILD_DIR" -G Ninja "${extra[@]}" \
      -DLINKIS_DESK_GUI="$GUI" -DLINKIS_DESK_WERROR="$werror"
  else
    cmake "$BUILD_DIR" -DLINKIS_DESK_WERROR="$werror" -DLINKIS_DESK_GUI="$GUI" >/dev/null
  fi
  cmake --build "$BUILD_DIR" -j "$JOBS" "${targets[@]}"
}

case "$mode" in
  deps)
    install_missing "${build_pkgs[@]}" "${test_pkgs[@]}" "${sanitize_pkgs[@]}"
    ;;
  run)
    install_missing "${build_pkgs[@]}"
    # The three programs only: the tests, benchmarks and fuzz-corpus replays are built by the
    # test command, so a first run waits for the app and not for 400 test targets.
    programs=(linkis-desk-cli linkis-desk-gateway)
    if [ "$GUI" = "ON" ]; then programs=(linkis-desk "${programs[@]}"); fi
    configure_and_build OFF 0 "${programs[@]}"
    if [ "$GUI" = "ON" ] && [ -x "$BUILD_DIR/bin/linkis-desk" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec "$BUILD_DIR/bin/linkis-desk" "$@"
    fi
    echo "== no display (or no GUI build): starting the local gateway in the foreground."
    echo "   It prints its URL and token as one JSON line. Try, in another terminal:"
    echo "   LINKIS_DESK_TOKEN=<token> $BUILD_DIR/bin/linkis-desk-cli --server <url> --user \$USER \\"
    echo "       --auth token submit --engine sqlite --run-type sql -e 'select 1 as x'"
    exec "$BUILD_DIR/bin/linkis-desk-gateway" "$@"
    ;;
  test)
    if [ "$SANITIZE" = 1 ]; then
      install_missing "${build_pkgs[@]}" "${test_pkgs[@]}" "${sanitize_pkgs[@]}"
    else
      install_missing "${build_pkgs[@]}" "${test_pkgs[@]}"
    fi
    echo "== clang-format check"
    bash .ci/format-check.sh
    if [ "$SANITIZE" = 1 ]; then
      echo "== build: clang-14, AddressSanitizer + UndefinedBehaviorSanitizer, libFuzzer targets"
    else
      echo "== build (warnings are errors)"
    fi
    configure_and_build ON "$SANITIZE"
    if [ "${CI:-}" = true ] || [ "${LINKIS_DESK_PACKAGE_CHECK:-0}" = 1 ]; then
      # Installs the .deb into the system and removes it again: CI only, or on request.
      echo "== package check (.deb built, installed, the installed programs run, removed)"
      bash .ci/package-check.sh "$BUILD_DIR"
    fi
    exec bash .ci/run-tests.sh "$BUILD_DIR" "$@"
    ;;
esac
