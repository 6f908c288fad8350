// Package rules holds the checks nianbao runs over a schema.Report, their
// registry and the Finding type they produce.
//
// # IDs and categories
//
// Every rule has a stable ID: a category letter and four digits, never
// reused once released. P0xxx are parse and structure problems (P0001 is
// emitted by the driver for a file it cannot read), C1xxx completeness
// (sections, tables, cells present and well formed), A1xxx arithmetic in
// table 二, A2xxx table 三, A3xxx table 四, N1xxx narrative against tables,
// M1xxx metadata (years, format version) and X1xxx cross-year and
// cross-file checks.
//
// # Single-report and cross-file rules
//
// A rule with a Check runs over one report ([Run]); one that builds on
// others names them in Requires and reads their findings in
// Pass.ResultOf, and a root cause names the findings it explains in
// Finding.Supersedes, which Run then drops. A cross-file rule has a
// CheckBatch instead: it runs once per batch ([BatchPlan.Run]) over a
// [Digest] of each report, with last year's reports as extra digests when
// its Reads include ReadsPrev. The driver makes, keeps and feeds the
// digests; it does not know what any rule checks.
//
// # Silence on absent inputs
//
// A rule that adds cells runs only when every input is a number. A blank,
// "/" or missing cell is never read as 0; the completeness rules report it
// instead.
//
// # Files
//
// Each rule, or each family of rules that share a check, has one file
// named for what it checks (sections.go, table3_balance.go,
// narrative_applications.go, crossyear.go …). The file holds the rules'
// declarations, their checks, their English message formats and, in each
// Rule's ZH field, the Chinese title, doc and messages. A rule exists when
// All (registry.go) lists it: adding a rule is one file, one line there,
// its test and its golden.
//
// # Patterns
//
// Regular expressions are compiled on first use, with
// sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(…) }):
// most runs reach few of them (the narrative ones only for sentences with
// their key word), and compiling them all at start cost every run,
// `nianbao --version` included, about 0.3 MB and half a millisecond.
// TestPatternsCompile compiles them all.
//
// # Messages
//
// Finding messages are English format strings translated through the
// golang.org/x/text/message catalogue built by [Catalog]; Chinese is the
// default language. Arguments of type [CellRef] are rendered as the cell's
// localized name.
package rules
