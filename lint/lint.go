package lint

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

// Options configure a run.
type Options struct {
	Limits parser.Limits
	// Jobs is the number of files checked at once; 0 means GOMAXPROCS.
	Jobs int
	// Rules are the rules to run.
	Rules []*rules.Rule
	// Rule tunes what rules report.
	Rule rules.Options
	// Fixes asks for single-cell fixes on arithmetic findings.
	Fixes bool
	// Prev lists last year's reports (files or directories) for the
	// cross-file rules that compare with them (rules.ReadsPrev).
	Prev []string
	// Aliases lists groups of names of one body, for matching a report
	// with last year's (rules.BatchPlan.Aliases).
	Aliases [][]string
	// Retain says how much of each report RunBatch keeps.
	Retain Retain
	// Aggregate asks RunBatch for the district totals.
	Aggregate bool
	// Spill makes RunBatch keep each result in a temporary file instead of
	// memory, so that a batch of any size holds only a FileSummary per
	// file: Batch.Files is then nil and Batch.Each reads the results back.
	// Where no temporary file can be made, and for a batch of one file,
	// the results stay in memory.
	Spill bool
	// Progress, when set, is called by RunBatch with the files done and the
	// total, from one goroutine.
	Progress func(done, total int)
	// Severity overrides the default severity of rules by ID (from the
	// configuration file).
	Severity map[string]rules.Severity
}

// overrideSeverity applies the configured severities to fs.
func overrideSeverity(fs []rules.Finding, sev map[string]rules.Severity) {
	for i := range fs {
		if s, ok := sev[fs[i].Rule]; ok {
			fs[i].Severity = s
		}
	}
}

// DefaultOptions returns a fresh Options with every rule enabled.
func DefaultOptions() Options {
	return Options{Limits: parser.DefaultLimits(), Rules: rules.All()}
}

// FileResult is the outcome for one input file.
type FileResult struct {
	Path string
	// Report is nil when the file could not be read.
	Report   *schema.Report
	Findings []rules.Finding
	// Err is the read error behind a P0001 finding, if any.
	Err error

	// digest is what the cross-file rules keep of the report, made by the
	// batch's workers so that the batch's one collecting goroutine does
	// not have to; nil otherwise.
	digest *rules.Digest
}

// CheckFile reads and checks one file. It never panics: a failure inside
// the parser or a rule becomes a P0001 finding for this file alone.
func CheckFile(ctx context.Context, path string, opts Options) FileResult {
	return check(ctx, path, opts, func() (*parser.Document, error) {
		doc, err := parser.ParseFile(ctx, path, opts.Limits)
		if err != nil {
			if derr := unreadableDir(path); derr != nil {
				return nil, derr
			}
		}
		return doc, err
	})
}

// unreadableDir returns the error of reading path when it is a directory
// that cannot be read: Expand lists such a folder inside a folder it
// searches so that it is reported, and its finding should say why.
func unreadableDir(path string) error {
	fi, err := os.Stat(path)
	if err != nil || !fi.IsDir() {
		return nil
	}
	f, err := os.Open(path)
	if err == nil {
		_, err = f.ReadDir(1)
		f.Close()
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("read folder %s: %w", path, err)
	}
	return nil
}

// check runs parse and the rules for the file named path, turning a parse
// error or a panic into a P0001 finding. It is the body of CheckFile and
// CheckBytes, which differ only in where the bytes come from.
func check(ctx context.Context, path string, opts Options, parse func() (*parser.Document, error)) (res FileResult) {
	res = FileResult{Path: path}
	defer func() {
		if v := recover(); v != nil {
			err := fmt.Errorf("%w: %v", errInternal, v)
			res = FileResult{Path: path, Err: err, Findings: []rules.Finding{readFailure(path, err)}}
		}
	}()
	doc, err := parse()
	if err != nil {
		res.Err = err
		if ctx.Err() == nil && enabled(opts.Rules, rules.P0001.ID) {
			res.Findings = []rules.Finding{readFailure(path, err)}
			overrideSeverity(res.Findings, opts.Severity)
		}
		return res
	}
	res.Report = schema.Build(doc)
	res.Report.FillFromFileName(path)
	res.Findings = rules.Run(res.Report, opts.Rules, opts.Rule)
	overrideSeverity(res.Findings, opts.Severity)
	if opts.Fixes {
		fx := rules.NewFixer(res.Report, opts.Rules)
		for i, f := range res.Findings {
			res.Findings[i].Fixes = fx.Fixes(f)
		}
	}
	return res
}

func enabled(rs []*rules.Rule, id string) bool {
	for _, r := range rs {
		if r.ID == id {
			return true
		}
	}
	return false
}

// errInternal marks a failure of nianbao itself while reading a file.
var errInternal = errors.New("internal error")

// readFailure turns a read error into a P0001 finding whose message tells
// the user what to do.
func readFailure(path string, err error) rules.Finding {
	msg := rules.Message{Format: rules.MsgP0001Generic}
	switch {
	case errors.Is(err, errInternal):
		msg = rules.Message{Format: rules.MsgP0001Internal}
	case errors.Is(err, fs.ErrNotExist):
		msg = rules.Message{Format: rules.MsgP0001NotFound}
	case errors.Is(err, fs.ErrPermission):
		msg = rules.Message{Format: rules.MsgP0001Permission}
	case errors.Is(err, parser.ErrLegacyDoc):
		msg = rules.Message{Format: rules.MsgP0001Legacy}
	case errors.Is(err, parser.ErrScanned):
		msg = rules.Message{Format: rules.MsgP0001Scanned}
	case errors.Is(err, parser.ErrCorruptPDF):
		msg = rules.Message{Format: rules.MsgP0001PDFCorrupt}
	case errors.Is(err, parser.ErrEncrypted):
		msg = rules.Message{Format: rules.MsgP0001Encrypted}
	case errors.Is(err, parser.ErrCorrupt), errors.Is(err, parser.ErrNoDocumentXML):
		msg = rules.Message{Format: rules.MsgP0001Corrupt}
	case errors.Is(err, parser.ErrTooLarge):
		msg = rules.Message{Format: rules.MsgP0001TooLarge}
		if le, ok := errors.AsType[*parser.LimitError](err); ok {
			msg = limitMessage(le)
		}
	case errors.Is(err, parser.ErrBinary):
		msg = rules.Message{Format: rules.MsgP0001Binary}
	case errors.Is(err, parser.ErrEmpty):
		msg = rules.Message{Format: rules.MsgP0001Empty}
	case errors.Is(err, parser.ErrWordXML):
		msg = rules.Message{Format: rules.MsgP0001WordXML, Args: []any{filepath.Ext(path)}}
	case errors.Is(err, parser.ErrUnsupportedFormat):
		// Reports saved in a format nianbao does not read get the
		// advice to save them as .docx; other files the extension.
		switch ext := strings.ToLower(filepath.Ext(path)); ext {
		case ".doc", ".wps":
			msg = rules.Message{Format: rules.MsgP0001Legacy}
		default:
			if ext == "" {
				ext = errText(err)
			}
			msg = rules.Message{Format: rules.MsgP0001Unsupported, Args: []any{ext}}
		}
	}
	return rules.Finding{
		Rule:     rules.P0001.ID,
		Severity: rules.P0001.Severity,
		Msg:      msg,
		Detail:   errText(err),
		Pos:      parser.Pos{File: path},
	}
}

// limitFormats are the P0001 messages naming each limit a read stops at.
var limitFormats = map[parser.Limit]string{
	parser.LimitFileBytes: rules.MsgP0001FileBytes,
	parser.LimitCells:     rules.MsgP0001Cells,
	parser.LimitRows:      rules.MsgP0001Rows,
	parser.LimitTables:    rules.MsgP0001Tables,
	parser.LimitLineBytes: rules.MsgP0001LineBytes,
	parser.LimitLines:     rules.MsgP0001Lines,
	parser.LimitElements:  rules.MsgP0001Elements,
	parser.LimitInflated:  rules.MsgP0001Inflated,
	parser.LimitDepth:     rules.MsgP0001Depth,
	parser.LimitRatio:     rules.MsgP0001Ratio,
}

// limitMessage names the limit a read stopped at, in words people read: a
// count, or a size for the limits in bytes.
func limitMessage(le *parser.LimitError) rules.Message {
	format, ok := limitFormats[le.Limit]
	if !ok {
		return rules.Message{Format: rules.MsgP0001TooLarge}
	}
	switch le.Limit {
	case parser.LimitFileBytes, parser.LimitLineBytes, parser.LimitInflated:
		num, unit := SizeArgs(le.Max)
		return rules.Message{Format: format, Args: []any{num, unit}}
	}
	return rules.Message{Format: format, Args: []any{le.Max}}
}

// SizeArgs are the two arguments of a size in a message ("%s %s"): the
// number as people write it and its unit, a binary multiple ("20" "MB",
// "1.4" "MB", "512" "KB") or, under 1 KB, the phrase rules.MsgUnitBytes,
// which a printer writes in its language ("999 字节", "999 bytes").
func SizeArgs(n int64) (num string, unit any) {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10), "GB"
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10), "MB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), "MB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10), "KB"
	}
	return strconv.FormatInt(n, 10), rules.Phrase(rules.MsgUnitBytes)
}

// errText is the technical cause without the path, which the finding shows
// already.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	s := err.Error()
	for _, prefix := range []string{"open ", "read "} {
		if strings.HasPrefix(s, prefix) {
			if i := strings.Index(s, ": "); i > 0 {
				s = s[i+2:]
			}
		}
	}
	return s
}

// Expand turns files and directories into the list of files to check, in a
// deterministic order. Directories are searched recursively for the
// extensions parser reads; hidden entries and Office lock files ("~$…") are
// skipped. A path that does not exist is kept, so that it is reported.
func Expand(paths []string) ([]string, error) {
	var files []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path == p {
					return err
				}
				found = append(found, path) // reported as unreadable
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != p && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && parser.Supported(name) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walk %s: %w", p, err)
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, nil
}

// Run checks every file named by paths, at most opts.Jobs at once, and
// returns one result per file in the order Expand gives, cross-file
// findings included. It is RunBatch without the batch extras. The error is
// non-nil only when the context is cancelled or a directory cannot be
// walked.
func Run(ctx context.Context, paths []string, opts Options) ([]FileResult, error) {
	b, err := RunBatch(ctx, paths, opts)
	if err != nil {
		return nil, err
	}
	return b.Files, nil
}
