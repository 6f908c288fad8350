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

# Word's "Word XML Document" (flat OPC: the package's parts in one XML
# file, as Word 2007+ saves it and as office systems' template engines
# write it), named .doc: the parts of filled-2021-wps.docx written in the
# layout Word uses (XML parts inline, others base64).
python3 - "$PWD/testdata/docx/filled-2021-wps.docx" "$PWD/$dir/filled-2021-flatopc.doc" <<'EOS'
import base64, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
types = z.read('[Content_Types].xml').decode()
over = dict(re.findall(r'<Override[^>]*PartName="([^"]+)"[^>]*ContentType="([^"]+)"', types))
deft = {e.lower(): t for e, t in re.findall(r'<Default[^>]*Extension="([^"]+)"[^>]*ContentType="([^"]+)"', types)}
out = ['<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
       '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">']
for n in z.namelist():
    if n == '[Content_Types].xml' or n.endswith('/'):
        continue
    name = '/' + n
    ct = over.get(name) or deft.get(n.rsplit('.', 1)[-1].lower(), 'application/octet-stream')
    data = z.read(n)
    if ct.endswith('xml'):
        body = re.sub(r'^<\?xml[^>]*\?>\s*', '', data.decode('utf-8'))
        out.append(f'<pkg:part pkg:name="{name}" pkg:contentType="{ct}"><pkg:xmlData>{body}</pkg:xmlData></pkg:part>')
    else:
        out.append(f'<pkg:part pkg:name="{name}" pkg:contentType="{ct}" pkg:compression="store">'
                   f'<pkg:binaryData>{base64.encodebytes(data).decode()}</pkg:binaryData></pkg:part>')
out.append('</pkg:package>')
open(sys.argv[2], 'w', encoding='utf-8').write(''.join(out))
EOS
