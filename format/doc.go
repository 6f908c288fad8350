// Package format is the national format of the annual report on
// government information disclosure (政府信息公开工作年度报告), as the two
// official templates print it: the 2019 format (国办公开办函〔2019〕60号,
// for 2019 and 2020 reports) and the 2021 format (国办公开办函〔2021〕30号,
// 2021 onward). It is the one home of what every other package needs to
// know about the format, and imports nothing of the project:
//
//   - the labels as printed: section headings ([Sections]), the rows and
//     column headers of tables 二, 三 and 四 ([T2Blocks], [T2Cols],
//     [T3Rows], [T3RowGroups], [T3Header], [T4Header]), with the variants
//     real reports write and the words that tell the versions apart
//     ([VersionSignals]);
//   - the cell keys of template-spec §11 ([Key], [CellKey], [ParseKey],
//     [KeysFor]) and the kind of number each cell holds ([KindOf]);
//   - the names people read, in Chinese or English ([NameOf], [RowName],
//     [ColumnName], [SumName], [T2Layout], [T3Layout]);
//   - how labels and numbers are normalised and read ([NormalizeLabel],
//     [ParseNumber], [ParseMoney]): a blank cell is [ClassBlank], never 0.
//
// A label change is one line here. Everything is immutable.
package format
