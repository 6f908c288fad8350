#!/usr/bin/env bash
# Release builds without GoReleaser: what .goreleaser.yaml makes, with plain
# go build — static (CGO_ENABLED=0), -trimpath, -tags urfave_cli_no_docs,
# version, commit and date stamped with -ldflags -X — for Windows, Linux
# and macOS on amd64 and arm64; one archive per target (.zip for Windows,
# .tar.gz otherwise) holding the binary, README.md and LICENSE; and
# checksums.txt (sha256sum) over the archives.
#
#   scripts/release.sh                       # all six targets into dist/
#   scripts/release.sh -o /tmp/rel windows/amd64 linux/amd64
#   scripts/release.sh --build-only windows/amd64   # binaries only (CI)
#
# VERSION overrides the version (default: git describe, without the "v").
set -euo pipefail
cd "$(dirname "$0")/.."

out=dist
build_only=false
targets=()
while [ $# -gt 0 ]; do
	case "$1" in
	-o) out=$2; shift 2 ;;
	--build-only) build_only=true; shift ;;
	-h|--help) sed -n '2,14p' "$0"; exit 0 ;;
	*/*) targets+=("$1"); shift ;;
	*) echo "release.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
if [ ${#targets[@]} -eq 0 ]; then
	targets=(windows/amd64 windows/arm64 linux/amd64 linux/arm64 darwin/amd64 darwin/arm64)
fi

version=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo devel)}
version=${version#v}
commit=$(git rev-parse HEAD 2>/dev/null || true)
date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
ldflags="-s -w -X main.version=$version -X main.commit=$commit -X main.date=$date"

mkdir -p "$out"
archives=()
for target in "${targets[@]}"; do
	goos=${target%/*} goarch=${target#*/}
	name=nianbao_${version}_${goos}_${goarch}
	exe=nianbao
	[ "$goos" = windows ] && exe=nianbao.exe
	dir=$out/$name
	mkdir -p "$dir"
	echo "build $goos/$goarch → $dir/$exe"
	CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -tags urfave_cli_no_docs \
		-ldflags "$ldflags" -o "$dir/$exe" ./cmd/nianbao
	$build_only && continue
	cp README.md LICENSE "$dir/"
	if [ "$goos" = windows ]; then
		rm -f "$out/$name.zip"
		(cd "$dir" && zip -q -X "../$name.zip" "$exe" README.md LICENSE)
		archives+=("$name.zip")
	else
		tar -C "$dir" --owner=0 --group=0 --numeric-owner -czf "$out/$name.tar.gz" "$exe" README.md LICENSE
		archives+=("$name.tar.gz")
	fi
	rm -r "$dir"
done
if ! $build_only; then
	(cd "$out" && sha256sum "${archives[@]}" > checksums.txt)
	echo "archives and checksums.txt in $out/"
fi
