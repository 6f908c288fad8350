#!/usr/bin/env bash
# rss.sh measures a large batch the way a district runs it: it generates N
# .docx reports (default 10,000; kept in a temporary directory, or in DIR
# when given and reused if it holds them already), then runs
# `nianbao check` over them once per output format and prints the wall
# time, files per second and peak RSS of each run. It needs /usr/bin/time.
# CI does not run it.
#
# The reports are varied from the filled 2021 fixture, whose narrative is
# short; with -real each gets a distinct made-up narrative of real length
# (1,000-5,000 characters) and one in fifty is a near-copy of the one
# before it, so that the near-copy check (X1005) has texts to compare, and
# the text output is measured once more with X1005 disabled.
#
#   bench/rss.sh [-n N] [-real] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

n=10000
gen=()
while [ $# -gt 0 ]; do
	case $1 in
	-n) n=$2; shift 2 ;;
	-real) gen=(-real-length -near-copy-every 50); shift ;;
	*) break ;;
	esac
done
dir=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "$dir" ]; then
	dir=$tmp/reports
fi
if [ "$(find "$dir" -name '*.docx' 2>/dev/null | wc -l)" -ne "$n" ] || [ "$(cat "$dir/.gen" 2>/dev/null)" != "${gen[*]:-}" ]; then
	rm -rf "$dir"
	go run ./internal/testsupport/batchgen/mkdocx -n "$n" "${gen[@]}" -o "$dir" >/dev/null
	echo "${gen[*]:-}" >"$dir/.gen"
fi
go build -o "$tmp/nianbao" ./cmd/nianbao
[ -x /usr/bin/time ] || { echo "rss.sh: /usr/bin/time is needed (Debian package time)" >&2; exit 2; }

echo "files: $n; load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'); cores: $(nproc)"
printf '%-16s %10s %10s %10s\n' output seconds files/s "peak MB"
outs=("--format text" "--format json" "--format csv" "--format sarif" "-o $tmp/out.xlsx" "-o $tmp/out.html")
if [ ${#gen[@]} -gt 0 ]; then
	outs+=("--format text --disable X1005")
fi
for out in "${outs[@]}"; do
	# nianbao exits 1 when it finds problems, as it does here.
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$tmp/nianbao" check $out "$dir" >/dev/null 2>&1 || true
	name=${out#--format }
	name=${name#-o "$tmp"/out}
	name=${name/ --disable X1005/ -X1005}
	# The last line: time writes "Command exited with non-zero status 1" first.
	tail -1 "$tmp/time" | awk -v n="$n" -v name="$name" '{printf "%-16s %10s %10.0f %10.0f\n", name, $1, n / $1, $2 / 1024}'
done
