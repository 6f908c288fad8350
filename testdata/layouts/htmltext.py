#!/usr/bin/env python3
"""Render an HTML report page as text the way a user's copy looks.

Used only by gen.sh to make fixtures; the tests never run it.

  htmltext.py tsv      FILE.html   one table row per line, cells separated by
                                   tabs, a cell spanning n columns followed by
                                   n-1 empty cells, a cell under a rowspan
                                   empty, a cell with line breaks quoted
                                   (what Excel puts on the clipboard)
  htmltext.py webcopy  FILE.html   every paragraph and every non-empty table
                                   cell line on its own line, no empty lines
                                   (text copied from a browser by a tool that
                                   writes one cell per line)

Paragraphs outside tables are one line each in both modes.
"""
import html.parser
import re
import sys

BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "table"}
SKIP = {"script", "style", "head", "title"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []          # list of ("p", text) or ("t", rows)
        self.text = []         # current paragraph parts
        self.tables = []       # stack of [rows]; row = list of cells
        self.cell = None       # list of lines of the open cell
        self.skip = 0

    def flush(self):
        t = re.sub(r"[ \t\r\n]+", " ", "".join(self.text)).strip(" ")
        self.text = []
        if self.cell is not None:
            if t:
                self.cell["lines"].append(t)
        elif t.strip():
            self.out.append(("p", t))

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
            return
        a = dict(attrs)
        if tag in BLOCK:
            self.flush()
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self.flush()
            self.cell = {"lines": [], "colspan": int(a.get("colspan") or 1), "rowspan": int(a.get("rowspan") or 1)}

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip -= 1
            return
        if tag in BLOCK:
            self.flush()
        if tag in ("td", "th") and self.cell is not None:
            self.flush()
            self.tables[-1][-1].append(self.cell)
            self.cell = None
        elif tag == "table" and self.tables:
            self.flush()
            self.out.append(("t", self.tables.pop()))

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


def grid(rows):
    """Expand spans: returns rows of (lines, is_origin) per grid column."""
    out, pending = [], {}
    for row in rows:
        line, col = [], 0
        cells = list(row)
        while cells or any(k >= col for k in pending):
            if col in pending:
                left, span = pending[col]
                for _ in range(span):
                    line.append([])
                pending[col] = (left - 1, span)
                if left - 1 == 0:
                    del pending[col]
                col += span
                continue
            if not cells:
                col = min(k for k in pending if k >= col)
                continue
            c = cells.pop(0)
            line.append(c["lines"])
            line.extend([[]] * (c["colspan"] - 1))
            if c["rowspan"] > 1:
                pending[col] = (c["rowspan"] - 1, c["colspan"])
            col += c["colspan"]
        out.append(line)
    return out


def field(lines):
    s = "\n".join(lines)
    if "\n" in s or "\t" in s or '"' in s:
        s = '"' + s.replace('"', '""') + '"'
    return s


def main():
    mode, path = sys.argv[1], sys.argv[2]
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.flush()
    res = []
    for kind, v in p.out:
        if kind == "p":
            res.append(v)
        elif mode == "tsv":
            for line in grid(v):
                res.append("\t".join(field(c) for c in line))
        else:
            for row in v:
                for c in row:
                    res.extend(l for l in c["lines"] if l.strip("\u00a0 "))
    sys.stdout.write("\n".join(res) + "\n")


main()
