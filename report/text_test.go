package report

import (
	"testing"

	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

// TestFoldCells checks that a finding lists at most eight cells: all when
// they fit, else the suggested cell and the largest contributions, in
// their order, and a count of the rest.
func TestFoldCells(t *testing.T) {
	mk := func(vals ...float64) []schema.Cell {
		var cs []schema.Cell
		for i, v := range vals {
			cs = append(cs, schema.Cell{Key: string(rune('a' + i)), State: schema.StateNumber, Value: v})
		}
		return cs
	}
	if shown, more := foldCells(mk(1, 2, 3), nil); len(shown) != 3 || more != 0 {
		t.Errorf("three cells: %d shown, %d more", len(shown), more)
	}
	cells := mk(0, 5, 0, 0, 4, 0, 9, 0, 0, 1, 0, 2, 0, 3)
	cells[2].State = schema.StateBlank
	shown, more := foldCells(cells, []rules.Fix{{Cell: "a", From: 0, To: 1}})
	var keys string
	for _, c := range shown {
		keys += c.Key
	}
	// a is suggested; then 9 (g), 5 (b), 4 (e), 3 (n), 2 (l), 1 (j).
	if keys != "abegjln" || more != 7 {
		t.Errorf("shown %q, %d more", keys, more)
	}
}
