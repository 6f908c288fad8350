package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// check and extract read Word 97-2003 files found in folders, by both
// extensions (.wps as WPS Office writes it in the .doc layout), with the
// cells of the .docx they were converted from; an encrypted .doc gets the
// advice of an encrypted .docx.
func TestWord97InFolders(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{
		"a.docx":      "../../testdata/docx/filled-2021-wps.docx",
		"b.doc":       "../../testdata/doc/filled-2021-wps.doc",
		"sub/c.wps":   "../../testdata/doc/filled-2021-wps.doc",
		"sub/d-e.doc": "../../testdata/doc/encrypted.doc",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), mustRead(t, src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr, code := runCmd(t, "check", "--disable", "M1004,C1011,X1006", dir) // X1006: the same report three times
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"a.docx: 未发现问题",
		"b.doc: 未发现问题",
		"c.wps: 未发现问题",
		"d-e.doc: 错误 文档设有密码：请去除密码后重试 (P0001)",
		"共检查 4 个文件",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in\n%s", want, stdout)
		}
	}
	stdout, stderr, code = runCmd(t, "extract", dir)
	if code != exitOK && code != exitFindings {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	var ex struct {
		Files []struct {
			Path   string
			Format string
			Cells  map[string]struct {
				State string
				Value any
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &ex); err != nil {
		t.Fatal(err)
	}
	if len(ex.Files) < 3 {
		t.Fatalf("%d files extracted", len(ex.Files))
	}
	ref := ex.Files[0]
	if ref.Format != "docx" || len(ref.Cells) < 100 {
		t.Fatalf("%s: format %s, %d cells", ref.Path, ref.Format, len(ref.Cells))
	}
	for _, f := range ex.Files[1:3] {
		if f.Format != "doc" || len(f.Cells) != len(ref.Cells) {
			t.Errorf("%s: format %s, %d cells, want doc and %d", f.Path, f.Format, len(f.Cells), len(ref.Cells))
		}
		for k, c := range ref.Cells {
			if got := f.Cells[k]; got.State != c.State || got.Value != c.Value {
				t.Errorf("%s %s: %v, want %v", f.Path, k, got, c)
			}
		}
	}
}
