//go:build race

package lint_test

// raceEnabled is true when the tests run under the race detector, which
// makes everything several times slower: timing bounds are not checked.
const raceEnabled = true
