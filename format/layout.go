package format

// Layout helpers for drawing the three tables as the template does (HTML
// report). They expose the label tables of labels.go read-only.

// Label is a key with its Chinese and English display text.
type Label struct {
	Key     string
	Label   string
	English string
}

// Text returns the label in the chosen language.
func (l Label) Text(english bool) string { return pick(l.Label, l.English, english) }

// T2BlockLayout is one 第二十条 block of table 二 in a format version.
type T2BlockLayout struct {
	Key     string // "a1"
	Caption Label  // "第二十条第（一）项"
	Rows    []Label
	Cols    []Label
}

// T2Layout returns the blocks of table 二 of version v in template order;
// none for VUnknown.
func T2Layout(v Version) []T2BlockLayout {
	var out []T2BlockLayout
	for _, bl := range t2Layout[v] {
		b := T2BlockLayout{Key: bl.Block}
		for _, def := range T2Blocks {
			if def.Key != bl.Block {
				continue
			}
			b.Caption = Label{def.Key, def.Caption, "Art. 20 item " + def.Key[1:]}
			for _, r := range bl.Rows {
				for _, it := range def.Rows {
					if it.Key == r {
						lbl := it.Label
						if v == V2021 && it.Key == "norm" && len(it.Core) > 1 {
							lbl = it.Core[1] // 行政规范性文件
						}
						b.Rows = append(b.Rows, Label{r, lbl, it.English})
					}
				}
			}
		}
		for _, c := range bl.Cols {
			for _, def := range T2Cols {
				if def.Key == c && hasVersion(def.Versions, v) {
					b.Cols = append(b.Cols, Label{c, def.Label, def.English})
					break
				}
			}
		}
		out = append(out, b)
	}
	return out
}

func hasVersion(vs []Version, v Version) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// T3RowLayout is one data row of table 三 with the group it sits in.
type T3RowLayout struct {
	Label
	// Group is "" for 一、二、四 (the label spans the three label columns),
	// "RESULTS" for the items of 三 that span two columns, or the key of
	// the group ("R3" …) whose sub-item this row is.
	Group string
}

// T3Layout returns the data rows of table 三 for the （六） layout.
func T3Layout(r6Split bool) []T3RowLayout {
	var out []T3RowLayout
	for _, k := range T3RowKeys(r6Split) {
		for _, r := range T3Rows {
			if r.Key == k {
				out = append(out, T3RowLayout{Label{r.Key, r.Label, r.English}, r.Group})
			}
		}
	}
	return out
}

// T3Group returns the label of a group of rows of table 三 ("RESULTS",
// "R3" …).
func T3Group(key string) Label {
	for _, g := range T3RowGroups {
		if g.Key == key {
			return Label{g.Key, g.Label, t3GroupEnglish[g.Key]}
		}
	}
	return Label{Key: key, Label: key}
}

var t3GroupEnglish = map[string]string{
	"RESULTS": "3. Results this year",
	"R3":      "(3) Not disclosed",
	"R4":      "(4) Cannot be provided",
	"R5":      "(5) Not handled",
	"R6":      "(6) Other handling",
}

// T3CornerNote is the note in the corner of table 三's header.
var T3CornerNote = Label{"CORNER", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "(Item 1 + item 2 = item 3 + item 4 in every column)"}

// HeaderLabel returns the label of a column header node of table 三 or 四
// ("APPLICANTS", "LEGAL", "NP", "rev", "lit", "lit_direct", "keep" …).
func HeaderLabel(key string) Label {
	for _, hs := range [][]HeaderNode{T3Header, T4Header} {
		for _, h := range hs {
			if h.Key == key {
				en := h.English
				if en == "" {
					en = headerEnglish[key]
				}
				return Label{h.Key, h.Label, en}
			}
		}
	}
	return Label{Key: key, Label: key}
}

var headerEnglish = map[string]string{
	"APPLICANTS": "Applicants",
	"LEGAL":      "Legal persons and other organisations",
}
