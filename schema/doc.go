// Package schema maps a parser.Document to a typed [Report]: title, agency,
// year, format version with its evidence, the six sections and every data
// cell of the three tables under the canonical keys of template-spec §11
// ("t3.R7.TOT", "t4.rev.total", "t2.a1.reg.issued", …).
//
// # Cells are never guessed
//
// A [Cell] keeps the text the document had (Raw) beside its parsed value and
// a [State]: only StateNumber carries a value. A blank cell is StateBlank, a
// "/" is StateNA, a row the document lacks gives StateMissing cells. A blank
// is not 0: rules that add cells stay silent unless every input is a number,
// and completeness rules report the rest.
//
// # Labels, not positions
//
// Rows and columns are found by their normalised labels (NFKC, no white
// space or quote marks, enumerators split off), with small misprints
// tolerated when the match stays unambiguous. Column order comes from the
// header rows read as a tree of labels (申请人情况 → 自然人, 法人或其他组织 →
// 商业企业 …), never from fixed indexes. The labels themselves live in package format.
package schema
