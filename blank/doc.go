// Package blank writes the official blank template of the government
// information disclosure annual report (政府信息公开工作年度报告) for a
// report year, with the title filled in.
//
// # Templates
//
// Two templates are embedded in the binary, both in the style of the
// official template as saved by WPS Office:
//
//   - templates/v2021.docx, the 2021 format (国办公开办函〔2021〕30号), for
//     reports on 2021 and later years: testdata/docx/template-2021-wps.docx;
//   - templates/v2019.docx, the 2019 format (国办公开办函〔2019〕60号), for
//     reports on 2019 and 2020: testdata/docx/template-2019-wps.docx, derived
//     from the 2021 one by internal/testsupport/fixturegen.
//
// Each is its fixture with one change: docProps/core.xml is replaced by a
// neutral one, so that the file handed to every clerk does not name the
// person who last saved the official template as its author. The body
// (word/document.xml) and every other part are the fixture's, byte for byte;
// TestTemplatesUpToDate checks this, and `go test ./blank -update`
// rewrites the templates after a fixture changes.
//
// # Title
//
// Both templates carry the title 政府信息公开工作年度报告格式模板 as the text
// of a single run. [Write] replaces that text, and nothing else, with
// {机关}{年}年政府信息公开工作年度报告 using
// github.com/nguyenthenguyen/docx, so the title keeps the template's
// formatting (宋体, bold, 18 pt, centred). The six headings, the
// （文字描述） placeholders and the three tables are left as the template
// has them: every data cell is empty, which nianbao reads as "blank".
//
// The output is deterministic: the same year and agency give the same bytes
// (the zip entries carry no time stamp).
package blank
