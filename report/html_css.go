package report

// htmlCSS is the inline style sheet of the HTML report: no web fonts, no
// external asset; prints on A4.
const htmlCSS = `
:root{--err:#c62828;--err-bg:#ffebee;--warn:#8a6d00;--warn-bg:#fff3c4;--ok:#2e7d32;--ok-bg:#e8f5e9;--info:#1565c0;--info-bg:#e3f2fd;--line:#b8c2cc;--head:#eef2f6;--ink:#1f2933;--muted:#616e7c}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#f7f9fb}
header.top{background:#243b53;color:#fff;padding:16px 24px}
header.top h1{margin:0 0 4px;font-size:22px}
header.top p{margin:4px 0}
.legend{font-size:12px;color:#d9e2ec}
.legend b{margin-right:6px}
.sw{display:inline-block;width:14px;height:14px;vertical-align:-2px;border:1px solid var(--line);margin-left:10px;background:#fff}
main{padding:16px 24px}
table{border-collapse:collapse;background:#fff}
th,td{border:1px solid var(--line);padding:3px 6px}
th{background:var(--head);font-weight:600}
table.summary{width:100%;margin-bottom:24px}
table.summary td.path{word-break:break-all}
table.summary td.path a{color:inherit}
td.n{text-align:right;white-space:nowrap}
td.has-err{color:var(--err);font-weight:700}
td.has-warn{color:var(--warn);font-weight:700}
.badge,.pill{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;white-space:nowrap;border:1px solid transparent}
.st-error{--c:var(--err);--b:var(--err-bg)}
.st-warning{--c:var(--warn);--b:var(--warn-bg)}
.st-info{--c:var(--info);--b:var(--info-bg)}
.st-clean{--c:var(--ok);--b:var(--ok-bg)}
.st-unreadable{--c:#fff;--b:#616e7c}
.badge{color:var(--c);background:var(--b);border-color:var(--c)}
.pill.sev-error{color:#fff;background:var(--err)}
.pill.sev-warning{color:#4d3d00;background:#f5c518}
.pill.sev-info{color:#fff;background:var(--info)}
section.file{background:#fff;border:1px solid var(--line);border-left:6px solid var(--c,#9aa5b1);border-radius:4px;padding:8px 16px 16px;margin:0 0 20px}
section.file h2{font-size:16px;margin:6px 0;word-break:break-all}
section.file .fid{color:var(--muted);font-weight:400}
p.meta{color:var(--muted);margin:0 0 8px}
p.meta span{margin-right:16px}
a.back{font-size:12px}
table.findings{width:100%;margin:6px 0 12px;font-size:13px}
table.findings td.rule{font-family:monospace;white-space:nowrap}
table.findings td.where{min-width:12em}
ul.related{margin:2px 0 0;padding-left:18px;color:var(--muted);font-size:12px}
p.clean{color:var(--ok)}
p.unreadable{color:var(--muted);font-style:italic}
table.grid{margin:10px 0 16px;font-size:12px}
table.grid caption{text-align:left;font-weight:700;padding:4px 0}
table.grid th{font-weight:500;text-align:center}
table.grid th.lbl{text-align:left}
table.grid th.grp{text-align:center;writing-mode:vertical-rl;letter-spacing:2px;min-width:2em}
table.grid th.corner{font-size:11px;color:var(--muted);max-width:16em;text-align:left}
table.grid th.cap{background:#dde5ee;text-align:left}
table.t3 th.lbl{max-width:22em}
table.grid td{min-width:3.2em;text-align:right;font-variant-numeric:tabular-nums}
td.c-blank{background:repeating-linear-gradient(135deg,#fff 0 4px,#eceff1 4px 8px)}
td.c-na{color:var(--muted);text-align:center}
td.c-text{color:var(--err);font-style:italic}
td.c-missing{background:#e4e7eb;color:#9aa5b1;text-align:center}
td.sev-error{background:var(--err-bg);color:var(--err);font-weight:700;outline:2px solid var(--err);outline-offset:-2px}
td.sev-warning{background:var(--warn-bg);outline:2px solid #e0a800;outline-offset:-2px}
td.sev-info{background:var(--info-bg)}
td.rel{box-shadow:inset 0 0 0 2px var(--info);background-color:#eaf3fc}
td:target{animation:flash 1.5s}
@keyframes flash{from{background:#ffe082}}
.sw.sev-error{background:var(--err-bg);border:2px solid var(--err)}
.sw.sev-warning{background:var(--warn-bg);border:2px solid #e0a800}
.sw.rel{background:#eaf3fc;border:2px solid var(--info)}
.sw.c-blank{background:repeating-linear-gradient(135deg,#fff 0 3px,#cfd6dd 3px 6px)}
.sw.c-na{background:#fff}
.sw.c-text{background:#fff;border-color:var(--err)}
.sw.c-missing{background:#e4e7eb}
section.prev{background:#fff;border:1px solid var(--line);padding:8px 16px;margin-bottom:20px}
footer{color:var(--muted);font-size:12px;padding:8px 24px 24px}
@media print{body{background:#fff}header.top{background:#fff;color:#000}section.file{break-inside:avoid-page}}
`
