package rules

import (
	"cmp"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/schema"
)

// The cross-year rules compare each report with the same body's report of
// last year (--prev), matched by agency and year (matchPrev).

// X1001 compares this year's carried-in applications with last year's
// carried-over ones.
var X1001 = &Rule{
	ID:         "X1001",
	Title:      "Table 3: carried in from last year = last year's carried over to next year, per column",
	Doc:        `Applications that a body carried over to the next year (table 3, row 4, 结转下年度继续办理) in last year's report are the applications it carries in this year (table 3, row 2, 上年结转政府信息公开申请数量). With --prev, each report is matched to the same body's report of the previous year (by the agency name in the title or, failing that, in the file name) and every column where both cells are numbers is compared. A difference usually means one of the two reports is wrong; institutional reform or a corrected report of last year can explain it, so this is a warning.`,
	Severity:   Warning,
	Since:      "0.2.0",
	Reads:      ReadsPrev | ReadsCells,
	CheckBatch: checkCarryOver,
	ZH: Texts{
		Title: "表三：各列 上年结转 = 上一年度报告的结转下年度继续办理",
		Doc:   `上一年度报告表三“四、结转下年度继续办理”的申请，就是本年度报告表三“二、上年结转政府信息公开申请数量”。使用 --prev 时，每份报告按机关名称（取自标题，没有时取自文件名）与同一机关上一年度的报告匹配，逐列比较两个单元格均为数字的列。不一致通常说明两份报告之一有误；机构改革或上一年度报告已更正也可能造成差异，因此为警告。`,
		Messages: []Translation{
			{msgX1001, "%s列：上年结转为 %s，而上一年度报告（%s）的结转下年度继续办理为 %s"},
		},
	},
}

// msgX1001 is the message of X1001.
const msgX1001 = "column %s: carried in from last year is %s, but last year's report (%s) carried over %s to this year"

// X1002 checks documents in force against last year's report (2021 format).
var X1002 = &Rule{
	ID:         "X1002",
	Title:      "Table 2: documents in force follow from last year's count plus issued minus repealed",
	Doc:        `In the 2021 format, table 2 gives for rules (规章) and normative documents (行政规范性文件) the number issued this year, repealed this year and currently in force (现行有效件数). With --prev, when both this year's and last year's reports use the 2021 format, the number in force should be close to last year's number in force plus this year's issued minus this year's repealed. Documents also lapse when their term ends and are withdrawn in clean-ups (清理) without being counted as repealed, which real consecutive reports show often, so fewer in force than that is information, reported when the gap is over 10%% and at least 2 documents. More in force than last year's plus this year's issued cannot be explained so and is X1007.`,
	Severity:   Info,
	Since:      "0.2.0",
	Reads:      ReadsPrev | ReadsCells,
	CheckBatch: checkInForce,
	ZH: Texts{
		Title: "表二：现行有效件数 ≈ 上年现行有效件数 + 本年制发 − 本年废止",
		Doc:   `2021 年版格式表二对规章和行政规范性文件分别填写本年制发件数、本年废止件数和现行有效件数。使用 --prev 且本年度与上一年度报告均为 2021 年版时，现行有效件数应约等于上一年度的现行有效件数加本年制发件数、减本年废止件数。文件也会因有效期届满而失效，或在清理中宣布失效而不计入废止，真实的相邻年度报告中很常见，因此现行有效件数少于该数只作为提示，且只在相差超过 10%%（且至少 2 件）时报告。多于上年现行有效件数加本年制发件数的情况无法这样解释，由 X1007 报告。`,
		Messages: []Translation{
			{msgX1002, "%s：现行有效件数为 %s，而上一年度报告（%s）现行有效 %s 件，加本年制发 %s 件、减本年废止 %s 件，应约为 %s 件"},
		},
	},
}

// msgX1002 is the message of X1002.
const msgX1002 = "%s: %s in force, but last year's report (%s) had %s in force, plus %s issued minus %s repealed this year gives %s"

// X1003 reports a narrative that repeats last year's.
var X1003 = &Rule{
	ID:         "X1003",
	Title:      "The text is not a near-copy of last year's report",
	Doc:        `The 2021 format names reports whose content is identical to others (雷同) among the failures to be held to account, and evaluations found reports repeating last year's text at rates up to 90%%. With --prev, the text of the six sections (without the tables; numbers and white space ignored) is compared with the same body's report of the previous year. When 80%% or more of this year's text is found in last year's, the finding gives the share and the longest passage the two have in common.`,
	Severity:   Warning,
	Since:      "0.2.0",
	Reads:      ReadsPrev | ReadsText,
	CheckBatch: checkCopiedYear,
	ZH: Texts{
		Title: "文字与上一年度报告不雷同",
		Doc:   `2021 年版格式把内容与其他报告雷同列为应予追责的情形之一，评估也发现有的年报与上一年重复率高达 90%%。使用 --prev 时，将六个部分的文字（不含表格，忽略数字和空白）与同一机关上一年度的报告比较；本年度文字有 80%% 以上见于上一年度报告时报告，并给出相同比例和最长的相同段落。`,
		Messages: []Translation{
			{msgX1003, "文字有 %d%% 与上一年度报告（%s）相同；最长的相同段落有 %d 字：“%s”"},
		},
	},
}

// msgX1003 is the message of X1003.
const msgX1003 = "%d%% of the text repeats last year's report (%s); the longest shared passage has %d characters: “%s”"

// X1004 lists reports that have no report of last year to compare with.
var X1004 = &Rule{
	ID:         "X1004",
	Title:      "A report of last year was found for the agency",
	Doc:        `With --prev, every report is matched to the same body's report of the previous year by the agency name (from the title or, failing that, the file name; full- and half-width forms, white space and a trailing 人民政府 are ignored). A report without a match is listed here and gets no cross-year check; last year's reports that match nothing are listed at the end of the output.`,
	Severity:   Info,
	Since:      "0.2.0",
	Reads:      ReadsPrev,
	CheckBatch: checkMatched,
	ZH: Texts{
		Title: "找到该机关上一年度的报告",
		Doc:   `使用 --prev 时，每份报告按机关名称（取自标题，没有时取自文件名；忽略全角半角、空白和末尾的“人民政府”）与同一机关上一年度的报告匹配。未找到匹配的报告在此列出，不做跨年度核对；未与任何报告匹配的上一年度报告列在输出末尾。`,
		Messages: []Translation{
			{msgX1004, "在 --prev 给出的上一年度报告中未找到%s的报告，未做跨年度核对"},
			{msgX1004Near, "在 --prev 给出的上一年度报告中未找到%s的报告，未做跨年度核对；名称最接近的是 %s（%s）：若是同一机关，请在 .nianbao.yaml 的 aliases 中写明"},
			{MsgX1004Prev, "上一年度报告 %s（%s，%d 年度）未与本批任何报告匹配"},
		},
	},
}

// msgX1004 is the message of X1004.
const (
	msgX1004     = "no report of %s for the previous year was found among the reports given with --prev; the cross-year checks were not run"
	msgX1004Near = "no report of %s for the previous year was found among the reports given with --prev; the cross-year checks were not run; the closest name is %s (%s): if it is the same body, list both names under aliases in .nianbao.yaml"
)

// MsgX1004Prev is the line the printers add under X1004 for each of last
// year's reports that matched no report of the batch (BatchPlan.Run
// returns them).
const MsgX1004Prev = "last year's report %s (%s, %d) matched no report of this batch"

func checkCarryOver(pass *BatchPass) {
	for _, d := range pass.Reports {
		p := pass.LastYear(d)
		if p == nil {
			continue
		}
		for _, col := range format.T3Columns {
			in, out := d.cells[format.T3+".CARRY_IN."+col], p.cells[format.T3+".CARRY_OUT."+col]
			if !in.IsNumber() || !out.IsNumber() || in.Value == out.Value {
				continue
			}
			pass.Add(d, Finding{Msg: Message{msgX1001, []any{ColRef(col), Num(in.Value), p.Path, Num(out.Value)}}, Pos: in.Pos,
				Cell: in.Key, Expected: &out.Value, Actual: &in.Value})
		}
	}
}

func checkInForce(pass *BatchPass) {
	for _, d := range pass.Reports {
		p := pass.LastYear(d)
		if p == nil || d.version != format.V2021 || p.version != format.V2021 {
			continue
		}
		for _, row := range []string{"reg", "norm"} {
			k := func(col string) string { return format.T2 + ".a1." + row + "." + col }
			inf, iss, rep, pinf := d.cells[k("inforce")], d.cells[k("issued")], d.cells[k("repealed")], p.cells[k("inforce")]
			if !inf.IsNumber() || !iss.IsNumber() || !rep.IsNumber() || !pinf.IsNumber() {
				continue
			}
			want := pinf.Value + iss.Value - rep.Value
			if inf.Value > pinf.Value+iss.Value || want-inf.Value <= max(2, math.Ceil(0.1*math.Abs(want))) {
				continue // more than possible is X1007; a small gap is lapses
			}
			pass.Add(d, Finding{Msg: Message{msgX1002, []any{RowRef(format.T2 + ".a1." + row), Num(inf.Value), p.Path,
				Num(pinf.Value), Num(iss.Value), Num(rep.Value), Num(want)}}, Pos: inf.Pos,
				Cell: inf.Key, Expected: &want, Actual: &inf.Value, Related: []string{iss.Key, rep.Key}, Cells: []schema.Cell{*iss, *rep}})
		}
	}
}

// X1007 reports more documents in force than last year's plus this year's
// issued (2021 format).
var X1007 = &Rule{
	ID:         "X1007",
	Title:      "Table 2: no more documents in force than last year's plus those issued this year",
	Doc:        `With --prev, when both reports use the 2021 format, the documents in force (现行有效件数) can be at most last year's number in force plus this year's issued: documents lapse, are repealed or withdrawn, but none comes into force without being issued. More than that means one of the counts is wrong (often last year's report, or 规章 and 规范性文件 counted together in one year).`,
	Severity:   Warning,
	Since:      "0.3.0",
	Reads:      ReadsPrev | ReadsCells,
	CheckBatch: checkInForceGrowth,
	ZH: Texts{
		Title: "表二：现行有效件数不多于上年现行有效件数加本年制发件数",
		Doc:   `使用 --prev 且两份报告均为 2021 年版时，现行有效件数最多为上一年度的现行有效件数加本年制发件数：文件会失效、废止或清理，但不制发就不会生效。多于该数说明某个数字有误（常见的是上一年度报告有误，或某一年把规章和规范性文件合计填写）。`,
		Messages: []Translation{
			{msgX1007, "%s：现行有效件数为 %s，多于上一年度报告（%s）现行有效 %s 件加本年制发 %s 件之和 %s"},
		},
	},
}

const msgX1007 = "%s: %s in force, more than last year's report (%s) had in force (%s) plus %s issued this year, %s"

func checkInForceGrowth(pass *BatchPass) {
	for _, d := range pass.Reports {
		p := pass.LastYear(d)
		if p == nil || d.version != format.V2021 || p.version != format.V2021 {
			continue
		}
		for _, row := range []string{"reg", "norm"} {
			k := func(col string) string { return format.T2 + ".a1." + row + "." + col }
			inf, iss, pinf := d.cells[k("inforce")], d.cells[k("issued")], p.cells[k("inforce")]
			if !inf.IsNumber() || !iss.IsNumber() || !pinf.IsNumber() || inf.Value <= pinf.Value+iss.Value {
				continue
			}
			most := pinf.Value + iss.Value
			pass.Add(d, Finding{Msg: Message{msgX1007, []any{RowRef(format.T2 + ".a1." + row), Num(inf.Value), p.Path,
				Num(pinf.Value), Num(iss.Value), Num(most)}}, Pos: inf.Pos,
				Cell: inf.Key, Expected: &most, Actual: &inf.Value, Related: []string{iss.Key}, Cells: []schema.Cell{*iss}})
		}
	}
}

func checkCopiedYear(pass *BatchPass) {
	for _, d := range pass.Reports {
		p := pass.LastYear(d)
		if p == nil || !d.text.comparable() || !p.text.comparable() {
			continue
		}
		dt, ds, err1 := d.text.contents()
		pt, ps, err2 := p.text.contents()
		if err := cmp.Or(err1, err2); err != nil {
			pass.Fail(err)
			return
		}
		if s := share(ds, ps); s >= copyShare {
			passage := longestShared(pt, dt)
			pass.Addf(d, d.pos, msgX1003, int(math.Floor(s*100)), p.Path, len(passage), excerpt(passage))
		}
	}
}

func checkMatched(pass *BatchPass) {
	for _, d := range pass.Reports {
		if pass.LastYear(d) != nil {
			continue
		}
		if near := closest(d, pass.Prev); near != nil {
			pass.Addf(d, d.pos, msgX1004Near, cmp.Or(d.Agency, d.Path), near.Agency, near.Path)
			continue
		}
		pass.Addf(d, d.pos, msgX1004, cmp.Or(d.Agency, d.Path))
	}
}

// closest returns the report of last year whose agency's name is nearest
// d's, within a third of its length, or nil.
func closest(d *Digest, prev []*Digest) *Digest {
	var best *Digest
	bestDist := 0
	for _, p := range prev {
		if p.key == "" || d.key == "" || p.Path == d.Path || (d.Year != 0 && p.Year != 0 && p.Year != d.Year-1) {
			continue
		}
		dist := format.EditDistance(p.key, d.key)
		if limit := max(1, utf8.RuneCountInString(d.key)/3); dist <= limit && (best == nil || dist < bestDist) {
			best, bestDist = p, dist
		}
	}
	return best
}

// matchPrev matches each report of cur to last year's report of the same
// agency in prev: the one of the year before, else one of unknown year
// when either year is unknown; never the same file. A name matches the
// same name (agencyKey), a name the aliases give for it, or the same name
// with or without the city or county before it ("苏州市吴中区人民政府" and
// "吴中区人民政府"). It returns the match of each report (nil for none)
// and the reports of prev of a year some report of cur follows (or of no
// known year) that matched none: reports of earlier years in a folder of
// several years are not listed.
func matchPrev(cur, prev []*Digest, aliases [][]string) (match, unmatched []*Digest) {
	canon := map[string]string{}
	for _, group := range aliases {
		for _, name := range group[1:] {
			canon[agencyKey(name)] = agencyKey(group[0])
		}
	}
	key := func(d *Digest) string {
		if k, ok := canon[d.key]; ok {
			return k
		}
		return d.key
	}
	used := map[*Digest]bool{}
	match = make([]*Digest, len(cur))
	years := map[int]bool{}
	for i, d := range cur {
		years[d.Year-1] = true
		var m *Digest
		for _, same := range []func(a, b string) bool{
			func(a, b string) bool { return a == b },
			prefixedName,
		} {
			for _, p := range prev {
				switch {
				case key(d) == "" || p.Path == d.Path || !same(key(d), key(p)):
				case d.Year != 0 && p.Year == d.Year-1:
					m = p
				case m == nil && (d.Year == 0 || p.Year == 0):
					m = p
				}
				if m != nil && m.Year == d.Year-1 {
					break
				}
			}
			if m != nil {
				break
			}
		}
		if m != nil {
			used[m] = true
			match[i] = m
		}
	}
	for _, p := range prev {
		if !used[p] && (p.Year == 0 || years[p.Year] || years[-1]) {
			unmatched = append(unmatched, p)
		}
	}
	return match, unmatched
}

// prefixedName reports whether one of two agency keys is the other with
// the city, county or province before it: "苏州市吴中区" and "吴中区". The
// shorter must itself name a place and a kind of body (two characters and
// more besides the place word).
func prefixedName(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if a == b || !strings.HasSuffix(a, b) || utf8.RuneCountInString(b) < 3 {
		return false
	}
	prefix := strings.TrimSuffix(a, b)
	return strings.HasSuffix(prefix, "省") || strings.HasSuffix(prefix, "市") || strings.HasSuffix(prefix, "县") ||
		strings.HasSuffix(prefix, "区") || strings.HasSuffix(prefix, "州") || strings.HasSuffix(prefix, "自治区")
}

// agencyKey normalises an agency name for matching reports of one body:
// full- and half-width forms and white space are ignored, and so is a
// trailing 人民政府 ("清凉峰镇人民政府" and "清凉峰镇" are one body).
func agencyKey(name string) string {
	k := format.NormalizeLabel(name)
	k = strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) {
			return -1
		}
		return r
	}, k)
	if t := strings.TrimSuffix(k, "人民政府"); t != "" {
		k = t
	}
	// A development zone's 管理委员会 reports as 管委会 or through its
	// office: "××管委会办公室" is the 管委会.
	k = strings.ReplaceAll(k, "管理委员会", "管委会")
	if t, ok := strings.CutSuffix(k, "管委会办公室"); ok {
		k = t + "管委会"
	}
	return k
}
