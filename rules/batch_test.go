package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/schema"
)

// memStore is a BlobStore in memory; broken makes Blob fail.
type memStore struct {
	b      []byte
	broken bool
}

func (m *memStore) PutBlob(b []byte) (int64, error) {
	off := int64(len(m.b))
	m.b = append(m.b, b...)
	return off, nil
}

func (m *memStore) Blob(off, n int64) ([]byte, error) {
	if m.broken {
		return nil, errors.New("gone")
	}
	return m.b[off : off+n], nil
}

// TestBatchParkedTexts checks that parked texts are compared as texts in
// memory are, and that a text that cannot be read back fails the batch.
func TestBatchParkedTexts(t *testing.T) {
	text := strings.Repeat("本机关依法公开政府信息，主动公开文件共计若干件。", 20)
	plan := PlanBatch(All(), false)
	if plan.Prev || !plan.Active() {
		t.Fatalf("plan %+v", plan)
	}
	store := &memStore{}
	var ds []*Digest
	for i := range 3 {
		rep := &schema.Report{Agency: fmt.Sprint(i), Sections: []schema.Section{{Number: 1, Text: text}}}
		d := plan.Digest(fmt.Sprintf("%d.txt", i), rep)
		if i > 0 {
			plan.Keep(d, store)
			if d.text.parked == nil || d.text.text != "" {
				t.Fatal("the text was not parked")
			}
		}
		ds = append(ds, d)
	}
	out, unmatched, err := plan.Run(ds, nil)
	if err != nil || unmatched != nil || len(out) != 3 {
		t.Fatalf("%v, %v, %d", err, unmatched, len(out))
	}
	for i, fs := range out {
		best := ds[0].Path // the first of the others
		if i == 0 {
			best = ds[1].Path
		}
		if len(fs) != 1 || fs[0].Rule != X1005.ID || fs[0].Msg.Format != msgX1005 || fs[0].Msg.Args[1] != best {
			t.Errorf("report %d: %+v", i, fs)
		}
	}
	store.broken = true
	if _, _, err := plan.Run(ds, nil); err == nil {
		t.Error("texts that cannot be read back were passed over silently")
	}
}

// TestPlanBatch checks what the digests keep for a selection of rules.
func TestPlanBatch(t *testing.T) {
	for _, c := range []struct {
		rs        []*Rule
		prev      bool
		wantPrev  bool
		cur, last Reads
	}{
		{All(), false, false, ReadsText, 0},
		{All(), true, true, ReadsPrev | ReadsCells | ReadsText, ReadsPrev | ReadsCells | ReadsText},
		{[]*Rule{X1004, X1006}, true, true, ReadsPrev, ReadsPrev},
		{[]*Rule{X1001, X1006}, false, false, 0, 0},
		{[]*Rule{A2001}, true, false, 0, 0},
	} {
		p := PlanBatch(c.rs, c.prev)
		if p.Prev != c.wantPrev || p.cur != c.cur || p.last != c.last {
			t.Errorf("%d rules, prev %v: plan %+v", len(c.rs), c.prev, p)
		}
	}
}

// TestMatchPrev checks how a report finds last year's report of its body:
// the same name, the name with or without its city, the aliases of the
// configuration, a 管委会 through its office; the year before in a folder
// of several years, never the file itself; and which of last year's
// reports are listed as unmatched.
func TestMatchPrev(t *testing.T) {
	dg := func(path, agency string, year int) *Digest {
		return &Digest{Path: path, Agency: agency, Year: year, key: agencyKey(agency)}
	}
	cur := []*Digest{
		dg("a.txt", "苏州市吴中区人民政府", 2022),
		dg("b.txt", "东湖街道办事处", 2022),
		dg("c.txt", "某某经济开发区管理委员会", 2022),
		dg("d.txt", "沭阳县发展和改革局", 2022),
		dg("all/e2022.txt", "西湖镇人民政府", 2022),
	}
	prev := []*Digest{
		dg("p/a.txt", "吴中区人民政府", 2021),
		dg("p/b.txt", "东湖街道", 2021),
		dg("p/c.txt", "某某经济开发区管委会办公室", 2021),
		dg("p/d.txt", "沭阳县发展改革局", 2021),
		dg("all/e2020.txt", "西湖镇人民政府", 2020),
		dg("all/e2021.txt", "西湖镇人民政府", 2021),
		dg("all/e2022.txt", "西湖镇人民政府", 2022),
		dg("p/old.txt", "撤并乡", 2019),
		dg("p/gone.txt", "撤并乡", 2021),
	}
	match, unmatched := matchPrev(cur, prev, [][]string{{"东湖街道办事处", "东湖街道"}})
	want := []string{"p/a.txt", "p/b.txt", "p/c.txt", "", "all/e2021.txt"}
	for i, m := range match {
		got := ""
		if m != nil {
			got = m.Path
		}
		if got != want[i] {
			t.Errorf("%s (%s): matched %q, want %q", cur[i].Path, cur[i].Agency, got, want[i])
		}
	}
	var names []string
	for _, p := range unmatched {
		names = append(names, p.Path)
	}
	if !slices.Equal(names, []string{"p/d.txt", "p/gone.txt"}) { // not last year's 2020 and 2022, nor the file itself
		t.Errorf("unmatched %q", names)
	}
	if near := closest(cur[3], prev); near == nil || near.Path != "p/d.txt" {
		t.Errorf("closest to %s: %v", cur[3].Agency, near)
	}
}
