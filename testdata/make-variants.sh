#!/bin/sh
# Regenerates the seed-2020-*.txt variants from seed-2020.txt (the report
# the project started from, unchanged). Each variant changes one thing, by
# line number in seed-2020.txt; see testdata/golden/ for what nianbao says.
set -eu
cd "$(dirname "$0")"
s=seed-2020.txt
# （七）总计 / 总计: 1 -> 2 (A2001).
sed '338s/.*/\t2/' $s > seed-2020-r7-total.txt
# 行政复议 结果维持: 0 -> 1 (A3001).
sed '380s/.*/\t1/' $s > seed-2020-t4-rev.txt
# 规章 本年新制作数量: 0 -> -3 (C1005).
sed '19s/.*/\t-3/' $s > seed-2020-t2-negative.txt
# Table 二: 规范性文件 newly published 3 but 0 in total (A1003); a unit typed
# into 采购总金额 (A1001).
sed -e '25s/.*/\t3/' -e '83s/.*/\t251000元/' $s > seed-2020-t2-checks.txt
# A 2022 report on the 2019 template (M1001).
sed 's/2020年/2022年/g' $s > seed-2022-outdated.txt
# Title says 2021, body says 2020 (M1001 for the title year, M1002).
sed '1s/2020年/2021年/' $s > seed-2020-year-mismatch.txt
# Structure: heading 五 dropped (C1001), row 7.属于行政执法案卷 deleted
# (C1003), a province's extra row in 第二十条第（一）项 (C1006), and the row
# 二、上年结转 cut to four cells (P0002).
awk 'NR==398 || (NR>=210 && NR<=220) || (NR>=119 && NR<=122) { next }
     { print }
     NR==27 { printf "\t其他主动公开文件\n\t2\n\t2\n\t2\n\n" }' $s > seed-2020-structure.txt
# Table 二 removed: no label tells the format version (M1003, C1002).
sed '9,87d' $s > seed-2020-no-table2.txt
# Not a text file at all (P0001).
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' > not-a-report.txt
# Sections without substance: section 一 names none of the five aspects
# of the 2021 format (C1009), section 五 says only "无。" (C1008).
sed -e '4s/.*/2022年，本单位政务公开工作取得新进展，各项工作有序推进。全年工作纳入绩效考核，开展社会评议，未发生责任追究情况。/' \
	-e '385s/.*/无。/' v2021-clean.txt > v2021-sections.txt
# One body under two names across years (苏州市吴中区人民政府 this year,
# 吴中区人民政府 last year, matched by X rules), with more 规章 in force
# than last year's plus this year's issued (X1007).
sed -e 's/某某街道办事处/苏州市吴中区人民政府/' -e '14s/.*/\t2/' -e '16s/.*/\t30/' v2021-clean.txt > v2021-inforce.txt
sed -e 's/某某街道办事处/吴中区人民政府/' -e 's/2022年/2021年/g' -e 's/2023年/2022年/' -e '16s/.*/\t10/' v2021-clean.txt > prev/吴中区人民政府2021年报.txt
# A download cut short inside table 三, after row （三）8 (C1015).
head -n 195 v2021-clean.txt > v2021-cut.txt
