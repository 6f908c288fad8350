#!/bin/sh
# Regenerates the "Word" files of this directory that are something else
# inside — what government sites and office systems hand out as .doc —
# from the fixtures of testdata/docx and testdata/layouts. Run from the
# module root:
#
#	sh testdata/disguised/gen.sh
#
# Needs LibreOffice (Debian libreoffice-writer-nogui), Chromium (Debian
# chromium) driven by Node's playwright-core (npm, installed into a
# temporary folder), and python3's email package. Tests only read the
# committed outputs; CI needs none of these.
set -eu
dir=testdata/disguised
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lo() { soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to "$1" --outdir $tmp/out testdata/docx/filled-2021-wps.docx >/dev/null; }

# Word's "save as web page" in LibreOffice's form, named .doc.
lo 'html:HTML (StarWriter)'
cp $tmp/out/filled-2021-wps.html $dir/filled-2021-lo-html.doc
# RTF and Word 2003 XML, named .doc: read by Word, advice from nianbao.
lo 'rtf:Rich Text Format'
cp $tmp/out/filled-2021-wps.rtf $dir/filled-2021-lo-rtf.doc
lo 'xml:MS Word 2003 XML'
cp $tmp/out/filled-2021-wps.xml $dir/filled-2021-lo-word2003.doc

# A single-file web page (MHTML) as Chromium saves it, named .doc.
(cd $tmp && npm init -y >/dev/null && npm i playwright-core@1 >/dev/null 2>&1)
cat >$tmp/snap.js <<'EOS'
const { chromium } = require('playwright-core');
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
    '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const p = await b.newPage();
  await p.goto(process.argv[2]);
  const c = await p.context().newCDPSession(p);
  const { data } = await c.send('Page.captureSnapshot', { format: 'mhtml' });
  require('fs').writeFileSync(process.argv[3], data);
  await b.close();
})();
EOS
NODE_PATH=$tmp/node_modules node $tmp/snap.js "file://$tmp/out/filled-2021-wps.html" $dir/filled-2021-blink-mht.doc

# The GBK government page as a MIME HTML file with a gb2312 part in base64,
# written by Python's email package (as mail clients and Word write them).
python3 - "$PWD/testdata/layouts/filled-2021.gov.html" "$PWD/$dir/filled-2021-gov-py.mht" <<'EOS'
import sys
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
page = open(sys.argv[1], 'rb').read().decode('gb18030')
msg = MIMEMultipart('related', type='text/html')
msg.attach(MIMEText(page, 'html', 'gb18030'))
msg.set_boundary('----=_NextPart_nianbao_fixture')
open(sys.argv[2], 'w', newline='\r\n').write(msg.as_string())
EOS
