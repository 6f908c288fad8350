#!/bin/sh
# render.sh writes the blank templates for 2019 and 2025, converts them to
# PDF with LibreOffice and the first page of each to PNG, to look at by hand:
#
#     sh blank/testdata/render.sh [OUTDIR]     (from the module root)
#
# Needs soffice and pdftoppm:
#     apt-get install -y libreoffice-writer-nogui poppler-utils
# A conversion that fails (the .docx is not a package LibreOffice can open)
# stops the script with a non-zero status.
set -eu
out=${1:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
go test ./blank -run '^TestWriteFiles$' -count=1 -args -out "$out" >/dev/null
for year in 2019 2025; do
	doc="$out/template-$year.docx"
	test -s "$doc"
	# A private profile keeps the conversion from touching the user's.
	soffice -env:UserInstallation="file://$out/lo-profile" --headless \
		--convert-to pdf --outdir "$out" "$doc" >/dev/null
	pdf="$out/template-$year.pdf"
	test -s "$pdf" || { echo "render.sh: no PDF for $doc" >&2; exit 1; }
	pdftoppm -png -r 60 "$pdf" "$out/template-$year"
	echo "$pdf: $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') pages"
done
ls "$out"/*.png
