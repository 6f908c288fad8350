#!/bin/sh
# Regenerates the PDF fixtures of this directory. Run from the module root:
#
#	sh testdata/pdf/gen.sh
#
# Needs LibreOffice (soffice), Chromium, qpdf, ImageMagick (convert) and
# img2pdf, all Debian packages. Tests only read the committed outputs; CI
# needs none of these programs.
set -eu
dir=testdata/pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lo() { soffice -env:UserInstallation=file://$tmp/lo --headless "$@" >/dev/null; }

# LibreOffice's PDF export of .docx and .doc fixtures.
for name in seed-2020-lo v2021-clean-lo filled-2021-wps; do
	lo --convert-to pdf --outdir $tmp/out testdata/docx/$name.docx
	cp $tmp/out/$name.pdf $dir/$name.pdf
done
lo --convert-to pdf --outdir $tmp/doc testdata/doc/seed-2020-wps.doc
cp $tmp/doc/seed-2020-wps.pdf $dir/seed-2020-wps-doc.pdf

# Another producer: Chromium (Skia/PDF) printing a web page.
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
	--print-to-pdf=$dir/v2021-clean-chromium.pdf testdata/docx/v2021-clean.html 2>/dev/null
# The same page with space before table 3, so that the page break cuts a
# merged label (80 px) or the header (200 px).
for cut in label:80 header:200; do
	sed "s|<p>三、收到和处理|<div style=\"height:${cut#*:}px\"></div><p>三、收到和处理|" \
		testdata/docx/v2021-clean.html > $tmp/cut.html
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf=$dir/v2021-clean-chromium-cut-${cut%:*}.pdf $tmp/cut.html 2>/dev/null
done

# A scan: the first page as an image, with no text layer.
pdftoppm -r 60 -gray -png -f 1 -l 1 $dir/v2021-clean-lo.pdf $tmp/page
img2pdf -o $dir/scanned.pdf $tmp/page-1.png

# Password-protected (user password "nianbao").
qpdf --encrypt nianbao nianbao 256 -- $dir/v2021-clean-lo.pdf $dir/encrypted.pdf

# Damaged: the first 3000 bytes of a PDF.
head -c 3000 $dir/v2021-clean-lo.pdf > $dir/truncated.pdf
