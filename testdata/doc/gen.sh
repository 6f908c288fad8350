#!/bin/sh
# Regenerates the Word 97-2003 (.doc) fixtures of this directory from the
# .docx fixtures, with LibreOffice's "MS Word 97" export filter. Run from
# the module root:
#
#	sh testdata/doc/gen.sh
#
# Needs LibreOffice (soffice, Debian package libreoffice-writer-nogui).
# Tests only read the committed outputs; CI needs no LibreOffice.
set -eu
dir=testdata/doc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in filled-2021-wps filled-2021-tracked filled-2021-hidden filled-2021-gov-lo seed-2020-wps v2021-clean-lo; do
	soffice -env:UserInstallation=file://$tmp/lo --headless \
		--convert-to 'doc:MS Word 97' --outdir $tmp/out testdata/docx/$name.docx
	cp $tmp/out/$name.doc $dir/$name.doc
done

# The filled report saved with the password "nianbao" (RC4 encryption).
# Debian's python3, which has the uno module (not a python3 of pyenv or a venv).
${PYTHON:-/usr/bin/python3} $dir/encrypt.py "$PWD/testdata/docx/filled-2021-wps.docx" "$PWD/$dir/encrypted.doc" 'MS Word 97'
