// Command docxgen writes a large .docx for the memory benchmark
// (bench/docxmem.sh): one table of -rows rows and -cols cells, each cell a
// number in the markup Word writes for a cell of fixed width (cell
// properties, paragraph, run, text), in a package whose entries are stored
// (not compressed), as some office systems write them, so that the file is
// as large as its main part.
//
//	go run ./bench/docxgen -rows 49000 -cols 4 -o big.docx
package main

import (
	"archive/zip"
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
)

func main() {
	rows := flag.Int("rows", 49_000, "table rows")
	cols := flag.Int("cols", 4, "cells in a row")
	out := flag.String("o", "big.docx", "output file")
	deflate := flag.Bool("deflate", false, "compress the entries instead of storing them")
	flag.Parse()
	if err := write(*out, *rows, *cols, *deflate); err != nil {
		log.Fatal(err)
	}
}

func write(path string, rows, cols int, deflate bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	method := zip.Store
	if deflate {
		method = zip.Deflate
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: method})
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprint(b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n")
	fmt.Fprint(b, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	fmt.Fprint(b, `<w:p><w:r><w:t>某某县人民政府2025年政府信息公开工作年度报告</w:t></w:r></w:p><w:tbl>`)
	for i := range rows {
		b.WriteString("<w:tr>")
		for j := range cols {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>%d</w:t></w:r></w:p></w:tc>`, i*cols+j)
		}
		b.WriteString("</w:tr>")
	}
	fmt.Fprint(b, `</w:tbl><w:p><w:r><w:t>完</w:t></w:r></w:p></w:body></w:document>`)
	if err := b.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
