#!/usr/bin/env bash
# soak.sh loads nianbao serve as issue 15 describes (bench/soak/main.go):
# 32 uploads of a 19 MB text of numbers, 16 at a time (every answer 200,
# 413 or 503; RSS sampled from /proc at most 500 MB and back under 150 MB
# within 10 s), then 300 uploads of the real reports and fixtures under
# testdata, 16 at a time (all 200, p95 under 1 s). Linux only; CI runs it
# small (.ci/run: -big 8 -real 60 -c 8 -p95 5s). Arguments after -- go to nianbao serve; soak's own flags come
# first (go run ./bench/soak -h lists them).
#
#   bench/soak.sh [soak flags] [-- serve flags]
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/nianbao" ./cmd/nianbao
go build -o "$tmp/soak" ./bench/soak
echo "cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$tmp/soak" -bin "$tmp/nianbao" -testdata testdata "$@"
