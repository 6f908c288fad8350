package rules

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"testing"
)

// TestTranslationsSnapshot pins the set of translations while the texts
// move beside their rules (issue 12): the same pairs, in any order.
func TestTranslationsSnapshot(t *testing.T) {
	var lines []string
	for _, tr := range Translations() {
		lines = append(lines, tr.EN+"\x00"+tr.ZH)
	}
	slices.Sort(lines)
	h := sha256.New()
	for _, l := range lines {
		fmt.Fprintln(h, l)
	}
	got := fmt.Sprintf("%d %x", len(lines), h.Sum(nil))
	const want = "176 5b4d9930c291607861c96888e4e210a6098343ae2afa8d130f5afb4b00613ba3"
	if got != want {
		t.Errorf("translations changed: %s, want %s", got, want)
	}
}
