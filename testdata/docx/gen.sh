#!/bin/sh
# Regenerates the .docx fixtures of this directory. Run from the module root:
#
#	sh testdata/docx/gen.sh
#
# Needs Go, LibreOffice (soffice, Debian package libreoffice-writer-nogui)
# and pandoc. Tests only read the committed outputs; CI needs none of these.
set -eu
dir=testdata/docx
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. Filled 2021-format fixtures from the WPS template, the 2019-format
#    template derived from it (blank, and filled with the seed report), and
#    the HTML renderings of the seed and of a 2021-format report.
go run ./internal/testsupport/fixturegen -template $dir/template-2021-wps.docx -seed testdata/seed-2020.txt \
	-v2021 testdata/v2021-clean.txt -out $dir

# 2. LibreOffice round trip of the filled WPS file.
soffice -env:UserInstallation=file://$tmp/lo --headless \
	--convert-to 'docx:MS Word 2007 XML' --outdir $tmp/lo-filled $dir/filled-2021-wps.docx
cp $tmp/lo-filled/filled-2021-wps.docx $dir/filled-2021-lo.docx

# 3. The 2019 seed as .docx, written by LibreOffice from the HTML ...
soffice -env:UserInstallation=file://$tmp/lo --headless --infilter='HTML (StarWriter)' \
	--convert-to 'docx:MS Word 2007 XML' --outdir $tmp/lo-seed $dir/seed-2020.html
cp $tmp/lo-seed/seed-2020.docx $dir/seed-2020-lo.docx

# 4. ... and by pandoc.
pandoc -f html -t docx -o $dir/seed-2020-pandoc.docx $dir/seed-2020.html

# 5. A 2021-format report as .docx, written by LibreOffice from its HTML.
soffice -env:UserInstallation=file://$tmp/lo --headless --infilter='HTML (StarWriter)' \
	--convert-to 'docx:MS Word 2007 XML' --outdir $tmp/lo-v2021 $dir/v2021-clean.html
cp $tmp/lo-v2021/v2021-clean.docx $dir/v2021-clean-lo.docx

# 6. A report saved from a government web page (menu and article side by
#    side in a layout table, the report's tables inside its cell) as .docx,
#    written by LibreOffice from the page in GBK.
soffice -env:UserInstallation=file://$tmp/lo --headless --infilter='HTML (StarWriter)' \
	--convert-to 'docx:MS Word 2007 XML' --outdir $tmp/lo-gov testdata/layouts/filled-2021.gov.html
cp $tmp/lo-gov/filled-2021.gov.docx $dir/filled-2021-gov-lo.docx
