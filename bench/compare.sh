#!/usr/bin/env bash
# compare.sh times nianbao against pandoc and docx2txt on the same .docx
# files, one process per file as a user would run them, and prints the
# time per file and the ratios. Tools that are not installed are skipped.
# CI does not run it.
#
#   bench/compare.sh [-n RUNS] [FILE.docx...]
#
# Default files: the .docx fixtures under testdata/docx. Each file is
# converted or checked RUNS times (default 20) by each tool; the median of
# the per-run times is reported. Peak RSS comes from /usr/bin/time when it
# is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=20
if [ "${1:-}" = "-n" ]; then
	runs=$2
	shift 2
fi
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
	files=(testdata/docx/*.docx)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/nianbao" ./cmd/nianbao

# tool name and command line; the file is appended.
declare -A cmds=(
	[nianbao]="$tmp/nianbao check"
	[pandoc]="pandoc -t plain -o /dev/null"
	[docx2txt]="docx2txt-stdout"
)
docx2txt-stdout() { docx2txt "$1" - >/dev/null; }
order=(nianbao pandoc docx2txt)

available() {
	case $1 in
	nianbao) return 0 ;;
	docx2txt) command -v docx2txt >/dev/null ;;
	*) command -v "$1" >/dev/null ;;
	esac
}

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# time_ms TOOL FILE: median wall time of one run, in milliseconds
time_ms() {
	local tool=$1 file=$2 i t0 t1
	# EPOCHREALTIME (bash 5) reads the clock without starting a process,
	# which `date` would add to every run.
	for ((i = 0; i < runs; i++)); do
		t0=${EPOCHREALTIME/[.,]/}
		${cmds[$tool]} "$file" >/dev/null 2>&1 || true # nianbao exits 1 on findings
		t1=${EPOCHREALTIME/[.,]/}
		echo $((t1 - t0))
	done | median | awk '{printf "%.2f", $1/1000}'
}

# rss_mb TOOL FILE: peak RSS of one run, in MB, or "-"
rss_mb() {
	local tool=$1 file=$2
	if [ ! -x /usr/bin/time ] || [ "$tool" = docx2txt ]; then
		# docx2txt is a shell function here; time the script itself
		if [ "$tool" = docx2txt ] && [ -x /usr/bin/time ]; then
			/usr/bin/time -f %M docx2txt "$file" - 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'
			return
		fi
		echo -
		return
	fi
	/usr/bin/time -f %M ${cmds[$tool]} "$file" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'
}

echo "runs per file: $runs; load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'); cores: $(nproc)"
printf '%-40s' file
for t in "${order[@]}"; do
	available "$t" && printf '%14s%8s' "$t ms" "MB"
done
for t in "${order[@]:1}"; do
	available "$t" && printf '%18s' "$t/nianbao"
done
echo
declare -A total
for f in "${files[@]}"; do
	printf '%-40s' "$(basename "$f")"
	declare -A ms=()
	for t in "${order[@]}"; do
		available "$t" || continue
		ms[$t]=$(time_ms "$t" "$f")
		total[$t]=$(awk -v a="${total[$t]:-0}" -v b="${ms[$t]}" 'BEGIN{print a+b}')
		printf '%14s%8s' "${ms[$t]}" "$(rss_mb "$t" "$f")"
	done
	for t in "${order[@]:1}"; do
		available "$t" && printf '%18s' "$(awk -v a="${ms[$t]}" -v b="${ms[nianbao]}" 'BEGIN{printf "%.1fx", a/b}')"
	done
	echo
	unset ms
done
printf '%-40s' "all files (sum of medians)"
for t in "${order[@]}"; do
	available "$t" && printf '%14s%8s' "${total[$t]}" ""
done
for t in "${order[@]:1}"; do
	available "$t" && printf '%18s' "$(awk -v a="${total[$t]}" -v b="${total[nianbao]}" 'BEGIN{printf "%.1fx", a/b}')"
done
echo
