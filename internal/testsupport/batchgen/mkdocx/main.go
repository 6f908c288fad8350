// Command mkdocx writes a folder of generated .docx reports for measuring a
// large batch by hand (bench/rss.sh):
//
//	go run ./internal/testsupport/batchgen/mkdocx -n 10000 -o /tmp/reports
//
// The reports are varied from testdata/docx/filled-2021-wps.docx as
// BenchmarkBatchDocx varies them: another agency, the narrative changed,
// one in four with a wrong number; with -real-length, each with a distinct
// narrative of real length.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/nianbao/nianbao/internal/testsupport/batchgen"
)

func main() {
	n := flag.Int("n", 1000, "number of reports")
	out := flag.String("o", "", "output directory (created)")
	template := flag.String("template", "testdata/docx/filled-2021-wps.docx", "the .docx fixture to vary")
	agency := flag.String("agency", "某某镇人民政府", "the agency the fixture's title names (replaced in each copy)")
	same := flag.Bool("same-text", false, "keep the fixture's narrative in every report (the worst case for X1005)")
	real := flag.Bool("real-length", false, "give every report a distinct made-up narrative of 1,000-5,000 characters")
	copies := flag.Int("near-copy-every", 0, "with -real-length, make every Nth report a near-copy of the one before (0: none)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "mkdocx: -o DIR is required")
		os.Exit(2)
	}
	paths, err := batchgen.GenerateDocx(*out, *template, *agency, *n,
		batchgen.DocxOptions{BrokenEvery: 4, Seed: 1, SameText: *same, RealLength: *real, NearCopyEvery: *copies})
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkdocx:", err)
		os.Exit(1)
	}
	fmt.Printf("%d reports in %s\n", len(paths), *out)
}
