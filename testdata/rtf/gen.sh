#!/bin/sh
# Regenerates the RTF fixtures of this directory from the .docx fixtures:
# LibreOffice's "Rich Text Format" export, and pandoc's RTF writer. Run
# from the module root:
#
#	sh testdata/rtf/gen.sh
#
# Needs LibreOffice (Debian libreoffice-writer-nogui) and pandoc (Debian
# pandoc). Tests only read the committed outputs; CI needs neither.
set -eu
dir=testdata/rtf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in seed-2020-wps v2021-clean-lo filled-2021-lo; do
	soffice -env:UserInstallation=file://$tmp/lo --headless \
		--convert-to 'rtf:Rich Text Format' --outdir $tmp/out testdata/docx/$name.docx >/dev/null
	cp $tmp/out/$name.rtf $dir/$name.rtf
done
pandoc -s -t rtf -o $dir/seed-2020-pandoc.rtf testdata/docx/seed-2020-lo.docx
pandoc -s -t rtf -o $dir/filled-2021-pandoc.rtf testdata/docx/filled-2021-wps.docx
