#!/bin/sh
# Regenerates the layout fixtures of this directory from the committed .docx
# fixtures. Run from the module root:
#
#	sh testdata/layouts/gen.sh
#
# Needs pandoc (2.17), docx2txt (the Debian Perl script), LibreOffice
# (soffice), python3 and iconv, and for the web-page conversions Debian's
# python3-html2text (2020.1.16) and python3-bs4 (4.11.2), run with Debian's
# python ($PY, /usr/bin/python3 unless set):
#
#	apt-get install -y pandoc docx2txt libreoffice-writer-nogui python3-html2text python3-bs4
#
# Tests only read the committed outputs; CI needs none of these tools.
# filled-2021.gov.utf8.html is written by hand and only converted here.
set -eu
dir=testdata/layouts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lo() { soffice -env:UserInstallation=file://$tmp/lo --headless "$@" >/dev/null 2>&1; }

for pair in seed-2020:testdata/docx/seed-2020-lo.docx filled-2021:testdata/docx/filled-2021-wps.docx; do
	name=${pair%%:*}
	docx=${pair#*:}
	# Layout 4: pandoc's plain text (simple, multiline and grid tables).
	pandoc -f docx -t plain -o $dir/$name.pandoc-plain.txt "$docx"
	# pandoc's Markdown: grid and multiline tables, raw HTML for tables
	# with merged cells.
	pandoc -f docx -t markdown -o $dir/$name.pandoc-md.txt "$docx"
	# Layout 3: GitHub Markdown pipe tables (raw HTML for merged cells).
	pandoc -f docx -t gfm -o $dir/$name.gfm.txt "$docx"
	# Layout 5: docx2txt, one paragraph per line.
	docx2txt "$docx" $dir/$name.docx2txt.txt
	# Layout 6: LibreOffice's Text export (UTF-8 with BOM).
	lo --convert-to txt:Text --outdir $tmp/text "$docx"
	cp $tmp/text/$(basename "$docx" .docx).txt $dir/$name.lo-text.txt
	# HTML exported by LibreOffice.
	lo --convert-to html --outdir $tmp/html "$docx"
	cp $tmp/html/$(basename "$docx" .docx).html $dir/$name.lo.html
	# Layout 2: tab-separated rows as Excel puts a copied table on the
	# clipboard; layout 7: one non-empty cell per line, as copied from a
	# web page. Both rendered from LibreOffice's HTML.
	python3 $dir/htmltext.py tsv $dir/$name.lo.html >$dir/$name.tsv.txt
	python3 $dir/htmltext.py webcopy $dir/$name.lo.html >$dir/$name.web.txt
done

# Web pages as crawlers and converters turn them into text, from the
# committed HTML (LibreOffice's export, whose cells hold paragraphs, the
# government-site page and the 2019 report's own HTML):
PY=${PY:-/usr/bin/python3}
for name in seed-2020 filled-2021; do
	# One string per line with a blank line between strings, the common
	# crawler idiom BeautifulSoup(...).get_text("\n\n", strip=True):
	# empty cells leave no trace.
	$PY -c 'import sys, bs4; print(bs4.BeautifulSoup(open(sys.argv[1], encoding="utf-8").read(), "html.parser").get_text("\n\n", strip=True))' \
		$dir/$name.lo.html >$dir/$name.bs4-spaced.txt
	# html2text (Markdown) on cells holding paragraphs: every cell, pipe
	# and row end on lines of their own with blank lines between.
	$PY -m html2text $dir/$name.lo.html utf-8 >$dir/$name.html2text.md
done
# html2text on plain cells: pipe rows without a leading pipe, rows broken
# over lines at every <br>, blank cells between pipes; padded with
# --pad-tables.
$PY -m html2text $dir/filled-2021.gov.utf8.html utf-8 >$dir/filled-2021.gov.html2text.md
$PY -m html2text testdata/docx/seed-2020.html utf-8 >$dir/seed-2020.html2text-rows.md
$PY -m html2text --pad-tables testdata/docx/seed-2020.html utf-8 >$dir/seed-2020.html2text-pad.md

# Encodings.
iconv -f UTF-8 -t GB18030 $dir/seed-2020.docx2txt.txt >$dir/seed-2020.docx2txt.gb18030.txt
iconv -f UTF-8 -t GB18030 $dir/filled-2021.web.txt >$dir/filled-2021.web.gb18030.txt
{ printf '\377\376'; sed '1s/^\xEF\xBB\xBF//' $dir/filled-2021.lo-text.txt | iconv -f UTF-8 -t UTF-16LE; } >$dir/filled-2021.lo-text.utf16le.txt
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE $dir/seed-2020.tsv.txt; } >$dir/seed-2020.tsv.utf16be.txt
iconv -f UTF-8 -t GBK $dir/filled-2021.gov.utf8.html >$dir/filled-2021.gov.html

# Page numbers and a page header repeated over page breaks, inside table
# 三 and between paragraphs (docx2txt layout).
awk '/^（二）部分公开/ && !done { print "- 2 -"; print "某某镇人民政府2022年政府信息公开工作年度报告"; done=1 } { print } /^五、/ { print "第3页" }' \
	$dir/filled-2021.docx2txt.txt >$dir/filled-2021.docx2txt-pages.txt

# Unreadable rows. Web copy with the value 2 of （二）部分公开 / 商业企业
# (row "2 1 0 0 0 0 3") deleted, and of 第二十条第（一）项 行政规范性文件 /
# 本年废止件数 ("2 1 15"): nothing says which cell is empty.
awk '/^（二）部分公开/ { skip=2 } /^行政规范性文件/ { skip2=3 }
	skip && /^[0-9]+$/ { if (--skip == 0) next }
	skip2 && /^[0-9]+$/ { if (--skip2 == 1) next }
	{ print }' $dir/filled-2021.web.txt >$dir/filled-2021.web-missing.txt
# Tab-separated rows with runs of tabs collapsed (a tool that squeezes
# tabs): the complete 2021 report stays readable; in the 2019 report, whose
# table 三 has blank cells, those rows cannot be aligned.
tr -s '\t' <$dir/filled-2021.tsv.txt >$dir/filled-2021.tsv-collapsed.txt
tr -s '\t' <$dir/seed-2020.tsv.txt >$dir/seed-2020.tsv-collapsed.txt
# Tab-separated rows with that value blank and runs of tabs collapsed.
awk -F'\t' 'BEGIN { OFS="\t" } /^\t（二）部分公开/ { $4 = "" } { print }' $dir/filled-2021.tsv.txt |
	tr -s '\t' >$dir/filled-2021.tsv-collapsed-missing.txt
