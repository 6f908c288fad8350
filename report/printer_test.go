package report

import (
	"sync"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// TestLazyCatalog checks that the Chinese printer, which compiles each
// message when it is first printed, prints every text as the catalogue
// compiled at once does, from several goroutines at a time.
func TestLazyCatalog(t *testing.T) {
	eager := message.NewPrinter(language.Chinese, message.Catalog(Catalog()))
	p, err := NewPrinter("zh")
	if err != nil {
		t.Fatal(err)
	}
	pairs := allTranslations()
	if len(pairs) < 250 {
		t.Fatalf("only %d texts", len(pairs))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < len(pairs); i += 2 {
				en := pairs[i%len(pairs)][0]
				if got, want := p.tr(en, 7, "x"), eager.Sprintf(en, 7, "x"); got != want {
					t.Errorf("%q: lazy %q, eager %q", en, got, want)
				}
			}
		})
	}
	wg.Wait()
	if n := len(p.zh.pending); n != 0 {
		t.Errorf("%d texts never compiled", n)
	}
	en, _ := NewPrinter("en")
	if got := en.Sprintf(sevError); got != sevError {
		t.Errorf("English printer: %q", got)
	}
	if got := p.Sprintf(sevError); got == sevError {
		t.Errorf("Chinese printer left %q untranslated", got)
	}
}
