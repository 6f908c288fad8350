package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoRegexpAtStart holds every package of the module to compiling its
// regexps when first used (sync.OnceValue), not when the program starts:
// a package-level variable or an init function that compiles one costs
// every command, `nianbao version` and a one-file check included. It reads
// the module's source, not a build, so it names the file and line.
func TestNoRegexpAtStart(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files++
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.GenDecl:
				if decl.Tok != token.VAR {
					continue
				}
				for _, spec := range decl.Specs {
					for _, v := range spec.(*ast.ValueSpec).Values {
						eagerCompiles(fset, v, t)
					}
				}
			case *ast.FuncDecl:
				if decl.Recv == nil && decl.Name.Name == "init" {
					eagerCompiles(fset, decl.Body, t)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("read %d source files under %s: the walk missed the module", files, root)
	}
}

// eagerCompiles reports each call of regexp's compile functions in n that
// runs when n is evaluated: not one inside a function literal, which runs
// when called, unless the literal is called at once (`var x = func() … {
// … }()`, as the module's tables are made).
func eagerCompiles(fset *token.FileSet, n ast.Node, t *testing.T) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if lit, ok := n.Fun.(*ast.FuncLit); ok {
				eagerCompiles(fset, lit.Body, t)
			}
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "regexp" && strings.Contains(sel.Sel.Name, "Compile") {
				t.Errorf("%s: regexp.%s runs at start: compile it at first use (sync.OnceValue)", fset.Position(n.Pos()), sel.Sel.Name)
			}
		}
		return true
	})
}
