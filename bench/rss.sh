#!/usr/bin/env bash
# rss.sh measures a large batch the way a district runs it: it generates N
# .docx reports (default 10,000; kept in a temporary directory, or in DIR
# when given and reused if it holds them already), then runs
# `nianbao check` over them once per output format and prints the wall
# time, files per second and peak RSS of each run. It needs /usr/bin/time.
# CI does not run it.
#
# The reports are varied from the filled 2021 fixture, whose narrative is
# short; -real varies the seed report instead, whose sections run to real
# length, so that the near-copy check (X1005) has texts to compare.
#
#   bench/rss.sh [-n N] [-real] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

n=10000
gen=()
while [ $# -gt 0 ]; do
	case $1 in
	-n) n=$2; shift 2 ;;
	-real) gen=(-template testdata/docx/seed-2020-lo.docx -agency 清凉峰镇); shift ;;
	*) break ;;
	esac
done
dir=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "$dir" ]; then
	dir=$tmp/reports
fi
if [ "$(find "$dir" -name '*.docx' 2>/dev/null | wc -l)" -ne "$n" ]; then
	rm -rf "$dir"
	go run ./internal/testsupport/batchgen/mkdocx -n "$n" "${gen[@]}" -o "$dir" >/dev/null
fi
go build -o "$tmp/nianbao" ./cmd/nianbao
[ -x /usr/bin/time ] || { echo "rss.sh: /usr/bin/time is needed (Debian package time)" >&2; exit 2; }

echo "files: $n; load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'); cores: $(nproc)"
printf '%-16s %10s %10s %10s\n' output seconds files/s "peak MB"
for out in "--format text" "--format json" "--format csv" "--format sarif" "-o $tmp/out.xlsx" "-o $tmp/out.html"; do
	# nianbao exits 1 when it finds problems, as it does here.
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$tmp/nianbao" check $out "$dir" >/dev/null 2>&1 || true
	name=${out#--format }
	name=${name#-o "$tmp"/out}
	# The last line: time writes "Command exited with non-zero status 1" first.
	tail -1 "$tmp/time" | awk -v n="$n" -v name="$name" '{printf "%-16s %10s %10.0f %10.0f\n", name, $1, n / $1, $2 / 1024}'
done
