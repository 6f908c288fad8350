#!/usr/bin/env bash
# The Windows double-click, run under Wine: what a town clerk does when she
# double-clicks nianbao.exe in Explorer, checked end to end.
#
#   1. builds nianbao.exe (windows/amd64, as the release does);
#   2. starts it the way Explorer does — `wine start`, a console of its own;
#   3. waits for the browser to be opened (Wine hands the URL to xdg-open,
#      which this script replaces with a logger, and with a headless Chromium
#      screenshot when chromium is installed);
#   4. checks the page answers and checks a report uploaded to it;
#   5. closes the console window as its close button does (WM_DELETE_WINDOW)
#      and checks that nianbao has stopped;
#   6. runs nianbao.exe with no arguments in a shared console (cmd /c): it
#      must print the help, not start the page.
#
# Wine is not Windows: this proves our side (console detection through
# GetConsoleProcessList, serve on a free port, the browser opened through
# rundll32 url.dll, exit when the window closes) against Wine's
# implementation of those calls. Debian packages it needs (not CI's):
#   wine64 xvfb xdotool bc gcc-mingw-w64-x86-64 libx11-dev [chromium]
# Wine 8 lacks bcryptprimitives.dll, which Go's runtime loads; a small shim
# built from scripts/wine/bcryptprimitives.c (ProcessPrng over RtlGenRandom)
# is put in the Wine prefix's system32.
#
#   scripts/wine-doubleclick.sh [-o DIR]     # screenshots and logs into DIR
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$(mktemp -d)
[ "${1:-}" = "-o" ] && { out=$2; mkdir -p "$out"; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT

for c in wine Xvfb xdotool bc x86_64-w64-mingw32-gcc gcc; do
	command -v $c >/dev/null || { echo "wine-doubleclick: $c not found (apt-get install wine64 xvfb xdotool bc gcc-mingw-w64-x86-64 libx11-dev)" >&2; exit 2; }
done

export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export DISPLAY=:$((90 + RANDOM % 9))
Xvfb "$DISPLAY" -screen 0 1280x900x24 >/dev/null 2>&1 &
sleep 1

echo "building nianbao.exe"
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -trimpath -tags urfave_cli_no_docs \
	-ldflags "-s -w -X main.version=wine-test" -o "$work/nianbao.exe" ./cmd/nianbao
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" scripts/wine/bcryptprimitives.c
gcc -O2 -o "$work/wmclose" scripts/wine/wmclose.c -lX11

echo "preparing the Wine prefix"
wineboot -i >/dev/null 2>&1
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

# The "default browser": logs the URL, screenshots the page when it can.
mkdir -p "$work/bin"
cat >"$work/bin/xdg-open" <<EOS
#!/bin/sh
echo "\$1" >>"$work/opened"
command -v chromium >/dev/null && exec chromium --headless --no-sandbox --disable-gpu \
	--disable-quic --no-first-run --disable-background-networking --disable-component-update \
	--disable-sync --user-data-dir="$work/chromium" --window-size=1280,900 \
	--virtual-time-budget=3000 --screenshot="$out/page.png" "\$1" >/dev/null 2>&1
EOS
chmod +x "$work/bin/xdg-open"
export PATH=$work/bin:$PATH

fail() { echo "wine-doubleclick: FAIL: $*" >&2; exit 1; }

echo "double-click: wine start nianbao.exe"
t0=$(date +%s.%N)
(cd "$work" && wine start /unix "$work/nianbao.exe" >/dev/null 2>&1) &
for _ in $(seq 1 120); do [ -s "$work/opened" ] && break; sleep 0.5; done
[ -s "$work/opened" ] || fail "no browser was opened within 60 s"
url=$(head -1 "$work/opened")
t1=$(date +%s.%N)
echo "browser opened at $url after $(echo "$t1 - $t0" | bc) s"
case "$url" in http://127.0.0.1:*/) ;; *) fail "unexpected URL $url" ;; esac

curl -fsS "${url}healthz" | grep -q '"status":"ok"' || fail "no /healthz answer"
curl -fsS -F "file=@testdata/docx/filled-2021-wps.docx" "${url}api/check" >"$out/check.json" ||
	fail "upload failed"
grep -q '"template": "2021"' "$out/check.json" || fail "the upload was not checked: $(head -c 300 "$out/check.json")"
echo "page answers; filled-2021-wps.docx checked: $(grep -c '"rule"' "$out/check.json") findings"
[ -s "$out/page.png" ] && echo "screenshot of the opened page: $out/page.png"

win=""
for _ in $(seq 1 20); do
	win=$(xdotool search --name 'nianbao.exe' 2>/dev/null | head -1 || true)
	[ -n "$win" ] && break
	sleep 0.5
done
port=${url#http://127.0.0.1:}; port=${port%/}
if [ -n "$win" ]; then
	"$work/wmclose" "$win"
	for i in $(seq 1 20); do
		ss -ltn | grep -q ":$port " || { echo "window closed: nianbao stopped within $((i / 2)).$((i % 2 * 5)) s"; break; }
		sleep 0.5
	done
	ss -ltn | grep -q ":$port " && fail "nianbao still serves after its window was closed"
else
	fail "the console window was not found"
fi

echo "terminal: wine cmd /c nianbao.exe (shared console)"
help=$(cd "$work" && timeout 30 wine cmd /c "$(winepath -w "$work/nianbao.exe")" 2>/dev/null || true)
echo "$help" | grep -q '用法' || fail "no help printed in a shared console: $help"
[ "$(wc -l <"$work/opened")" -eq 1 ] || fail "a browser was opened from a terminal"
echo "help printed, no page started"
echo "wine-doubleclick: ok ($(wine --version))"
