#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# packaging/tools/screenshots.sh BUILD_DIR OUT_DIR LANG...   (e.g. en zh_CN)
# Starts BUILD_DIR/bin/linkis-desk under Xvfb once per language (LANGUAGE=<lang>, a fresh
# home), runs a query on the Local profile, and saves OUT_DIR/<lang>-main.png, <lang>-menu.png
# (the Run menu) and <lang>-shortcuts.png (the F1 shortcut sheet).
# Needs xvfb, xauth, xdotool, imagemagick (import) and, for zh_CN, a CJK font
# (fonts-wqy-microhei or fonts-noto-cjk).
set -euo pipefail
BUILD_DIR=$(cd "${1:?usage: screenshots.sh BUILD_DIR OUT_DIR LANG...}" && pwd)
OUT_DIR=$(mkdir -p "${2:?OUT_DIR}" && cd "$2" && pwd)
shift 2
for lang in "$@"; do
    work=$(mktemp -d)
    cat >"$work/shot.sh" <<SHOT
#!/usr/bin/env bash
set -euo pipefail
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_RUNTIME_DIR="$work/run" DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent
export LANGUAGE="$lang" LANG=C.UTF-8
mkdir -p "\$HOME" "\$XDG_RUNTIME_DIR"; chmod 700 "\$XDG_RUNTIME_DIR"
"$BUILD_DIR/bin/linkis-desk" >"$work/app.log" 2>&1 & app=\$!
wid=\$(xdotool search --sync --onlyvisible --name "Linkis Desk" | head -1)
sleep 1.5
xdotool mousemove --window "\$wid" 300 200 click 1
xdotool type --delay 15 "select region, count(*) as orders from demo_sales group by region;"
xdotool key ctrl+Return
sleep 5
import -window root "$OUT_DIR/$lang-main.png"
xdotool key alt+r
sleep 0.7
import -window root "$OUT_DIR/$lang-menu.png"
xdotool key Escape
sleep 0.3
xdotool key F1
sleep 1
import -window root "$OUT_DIR/$lang-shortcuts.png"
xdotool key Escape
kill \$app; wait \$app 2>/dev/null || true
SHOT
    chmod +x "$work/shot.sh"
    xvfb-run -a -s "-screen 0 1280x800x24" "$work/shot.sh"
    # The app starts the local gateway detached; stop that one (its pid is in the runtime file).
    gw=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' \
        "$work/run/linkis-desk/gateway.json" 2>/dev/null || true)
    [ -n "$gw" ] && kill "$gw" 2>/dev/null || true
    rm -rf "$work"
    echo "wrote $OUT_DIR/$lang-{main,menu,shortcuts}.png"
done
