package rules

import (
	"errors"
	"fmt"
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
			d.Park(store)
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
