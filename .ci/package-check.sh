#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# .ci/package-check.sh BUILD_DIR
#
# Builds the .deb with CPack from an already built BUILD_DIR, checks its control fields and
# contents, installs it with `apt-get install ./linkis-desk_*.deb`, checks the INSTALLED
# programs (--version of all three; the installed gateway started and queried by the installed
# CLI; the installed GUI started offscreen) and removes the package again.
#
# It installs into the system, so it needs root (or sudo) and is not a ctest: run it as its own
# CI step. It refuses to run when linkis-desk is already installed (it would remove it).
set -euo pipefail

BUILD_DIR=${1:?usage: .ci/package-check.sh BUILD_DIR}
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
SUDO=""
if [ "$(id -u)" != 0 ]; then
    SUDO=sudo
fi
# CI packages its sanitized test build: the installed programs then run instrumented too. Leak
# checking stays off, as in the tests (Qt, fontconfig and D-Bus keep memory until exit).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fail() { echo "package-check: FAIL: $*" >&2; exit 1; }
step() { echo "package-check: $*"; }

if dpkg-query -W -f='${Status}' linkis-desk 2>/dev/null | grep -q "install ok installed"; then
    fail "linkis-desk is already installed; remove it first (this check installs and removes it)"
fi

WORK=$(mktemp -d)
GW_PID=""
GUI_PID=""
INSTALLED=0
cleanup() {
    [ -n "$GUI_PID" ] && kill "$GUI_PID" 2>/dev/null || true
    [ -n "$GW_PID" ] && kill "$GW_PID" 2>/dev/null || true
    [ -n "$GW_PID" ] && wait "$GW_PID" 2>/dev/null || true
    if [ "$INSTALLED" = 1 ]; then
        step "removing the package"
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y linkis-desk >/dev/null
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

step "building the .deb in $BUILD_DIR"
rm -f "$BUILD_DIR"/linkis-desk_*.deb
(cd "$BUILD_DIR" && cpack -G DEB >"$WORK/cpack.log" 2>&1) || { cat "$WORK/cpack.log"; fail "cpack"; }
DEB=$(ls "$BUILD_DIR"/linkis-desk_*.deb | head -1)
[ -f "$DEB" ] || fail "no .deb produced"
step "built $(basename "$DEB") ($(du -k "$DEB" | cut -f1) KB)"

dpkg-deb -I "$DEB" >"$WORK/control"
DEPENDS=$(sed -n 's/^ Depends: //p' "$WORK/control")
RECOMMENDS=$(sed -n 's/^ Recommends: //p' "$WORK/control")
echo " Depends: $DEPENDS"
echo " Recommends: $RECOMMENDS"
for dep in libsecret-1-0 libqt6core6 libqscintilla2-qt6-15 libqt6keychain1 \
    libxlsxwriter4 libqt6charts6 libqt6svg6; do
    grep -Eq "(^|, )$dep( |,|$)" <<<"$DEPENDS" || fail "Depends lacks $dep"
done
grep -Eq "(^|, )gnome-keyring( |,|$)" <<<"$RECOMMENDS" || fail "Recommends lacks gnome-keyring"

dpkg-deb -c "$DEB" | awk '{print $NF}' >"$WORK/contents"
for f in ./usr/bin/linkis-desk ./usr/bin/linkis-desk-cli ./usr/bin/linkis-desk-gateway \
         ./usr/share/applications/io.github.linkisdesk.LinkisDesk.desktop \
         ./usr/share/metainfo/io.github.linkisdesk.LinkisDesk.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/linkis-desk.svg \
         ./usr/share/icons/hicolor/48x48/apps/linkis-desk.png \
         ./usr/share/icons/hicolor/256x256/apps/linkis-desk.png \
         ./usr/share/man/man1/linkis-desk.1.gz ./usr/share/man/man1/linkis-desk-cli.1.gz \
         ./usr/share/man/man1/linkis-desk-gateway.1.gz; do
    grep -qx "$f" "$WORK/contents" || fail "the package lacks $f"
done
if grep -q '\.qm$' "$WORK/contents"; then
    fail "translations must be embedded, not installed as .qm files"
fi

step "installing with apt-get"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$DEB" \
    >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "apt-get install"; }
INSTALLED=1

for b in linkis-desk-cli linkis-desk-gateway; do
    out=$(/usr/bin/$b --version) || fail "$b --version"
    echo " $b --version: $out"
    grep -q "[0-9]\+\.[0-9]\+\.[0-9]\+" <<<"$out" || fail "$b --version prints no version"
done
out=$(QT_QPA_PLATFORM=offscreen /usr/bin/linkis-desk --version) || fail "linkis-desk --version"
echo " linkis-desk --version: $out"
grep -q "[0-9]\+\.[0-9]\+\.[0-9]\+" <<<"$out" || fail "linkis-desk --version prints no version"

# Everything the installed programs write goes to a throw-away home.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"
export XDG_RUNTIME_DIR="$WORK/run" DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

step "starting the installed gateway"
/usr/bin/linkis-desk-gateway --port 0 --data-dir "$WORK/gateway" \
    --runtime-file "$WORK/gateway.json" >"$WORK/gateway.log" 2>&1 &
GW_PID=$!
for _ in $(seq 1 100); do
    [ -s "$WORK/gateway.json" ] && break
    kill -0 "$GW_PID" 2>/dev/null || { cat "$WORK/gateway.log"; fail "the gateway exited"; }
    sleep 0.1
done
[ -s "$WORK/gateway.json" ] || fail "the gateway wrote no runtime file"
URL=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"])' "$WORK/gateway.json")
TOKEN=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$WORK/gateway.json")
step "gateway at $URL; querying it with the installed CLI"
RESULT=$(LINKIS_DESK_TOKEN="$TOKEN" /usr/bin/linkis-desk-cli --server "$URL" --user hadoop \
    --auth token submit --engine sqlite --run-type sql -e "select 1 as x") \
    || fail "linkis-desk-cli submit (exit $?)"
echo "$RESULT" | sed 's/^/  | /'
grep -qw x <<<"$RESULT" || fail "the CLI's result has no column x"
grep -qw 1 <<<"$RESULT" || fail "the CLI's result has no value 1"

step "starting the installed GUI offscreen"
GUI_ARGS=()
if QT_QPA_PLATFORM=offscreen /usr/bin/linkis-desk --help 2>/dev/null | grep -q -- --quit-after-show; then
    GUI_ARGS=(--quit-after-show)
fi
QT_QPA_PLATFORM=offscreen /usr/bin/linkis-desk "${GUI_ARGS[@]}" >"$WORK/gui.log" 2>&1 &
GUI_PID=$!
if [ ${#GUI_ARGS[@]} -gt 0 ]; then
    for _ in $(seq 1 200); do kill -0 "$GUI_PID" 2>/dev/null || break; sleep 0.1; done
    wait "$GUI_PID" || { cat "$WORK/gui.log"; fail "linkis-desk --quit-after-show failed"; }
else
    # No quit flag: it must still be running (window shown, event loop up) after 3 s.
    sleep 3
    kill -0 "$GUI_PID" 2>/dev/null || { cat "$WORK/gui.log"; fail "linkis-desk exited early"; }
    kill "$GUI_PID"
    wait "$GUI_PID" 2>/dev/null || true
fi
GUI_PID=""
step "OK: the package installs and all three installed programs work"
