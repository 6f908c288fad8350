package rules

import "testing"

// TestPatternsCompile compiles every pattern of the rules, which are
// otherwise compiled when first used.
func TestPatternsCompile(t *testing.T) {
	if len(lazyREs) < 20 {
		t.Fatalf("only %d patterns registered", len(lazyREs))
	}
	for _, l := range lazyREs {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: %v", l.src, r)
				}
			}()
			l.get()
		}()
	}
}
