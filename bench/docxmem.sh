#!/usr/bin/env bash
# docxmem.sh measures what a large .docx costs nianbao: it generates a
# .docx of one table of ROWS rows of 4 numbers (default 49,000: 196,000
# cells, 19.4 MiB, the part stored uncompressed as some office systems
# write it; -deflate compresses it), builds the binary and runs
# `nianbao check` on it N times (default 3), printing the wall and CPU
# time and the peak RSS of each run, and the RSS of `nianbao version` as
# the process baseline. The reader streams the main part, so the peak
# should stay near twice the file over the baseline (issue 15: 145–180 MB
# before, about 50 MB after). It needs /usr/bin/time. CI does not run it.
#
#   bench/docxmem.sh [-rows ROWS] [-n N] [-deflate]
set -euo pipefail
cd "$(dirname "$0")/.."

rows=49000
n=3
gen=()
while [ $# -gt 0 ]; do
	case $1 in
	-rows) rows=$2; shift 2 ;;
	-n) n=$2; shift 2 ;;
	-deflate) gen+=(-deflate); shift ;;
	*) echo "usage: bench/docxmem.sh [-rows ROWS] [-n N] [-deflate]" >&2; exit 2 ;;
	esac
done
[ -x /usr/bin/time ] || { echo "docxmem.sh: /usr/bin/time is needed (Debian package time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/nianbao" ./cmd/nianbao
go run ./bench/docxgen -rows "$rows" -cols 4 "${gen[@]}" -o "$tmp/big.docx"
size=$(stat -c %s "$tmp/big.docx")
echo "file: $size bytes, $((rows * 4)) cells; load: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
/usr/bin/time -f '%M' -o "$tmp/time" "$tmp/nianbao" version >/dev/null
echo "baseline (nianbao version): $(($(tail -n 1 "$tmp/time") / 1024)) MB"
printf '%-4s %8s %8s %8s\n' run wall-s cpu-s "peak MB"
for i in $(seq "$n"); do
	# nianbao exits 1 when it finds problems, as it does here.
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$tmp/nianbao" check "$tmp/big.docx" >/dev/null 2>&1 || true
	# time's last line; before it, a note of the exit status.
	tail -n 1 "$tmp/time" | awk -v i="$i" '{ printf "%-4s %8s %8.2f %8.1f\n", i, $1, $2 + $3, $4 / 1024 }'
done
