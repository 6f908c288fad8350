#!/usr/bin/env bash
# startup.sh measures what a single check costs as a whole process against
# the start-up of a Go hello-world and of the libraries nianbao needs
# (bench/startup/floor), with the release build flags: CPU time, wall time
# and minor page faults, medians of runs in turn (bench/startup). CI does
# not run it.
#
#   bench/startup.sh [-n RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=30
if [ "${1:-}" = "-n" ]; then
	runs=$2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build() { CGO_ENABLED=0 go build -trimpath -tags urfave_cli_no_docs -ldflags "-s -w" -o "$tmp/$1" "$2"; }
build hello ./bench/startup/hello
build floor ./bench/startup/floor
build nianbao ./cmd/nianbao
go build -o "$tmp/startup" ./bench/startup

"$tmp/startup" -n "$runs" \
	"$tmp/hello" \
	"$tmp/floor version" \
	"$tmp/nianbao version" \
	"$tmp/nianbao check testdata/docx/filled-2021-wps.docx" \
	"$tmp/nianbao check testdata/real/2025-pingtan-zone/source.html"
