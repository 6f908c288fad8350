package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/rules"
)

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the
// subset code-scanning tools read.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Results     []sarifResult     `json:"results"`
	}
	// sarifInvocation says that the run completed, and with which build:
	// SARIF has no version field on an invocation, so the build goes in
	// its properties.
	sarifInvocation struct {
		ExecutionSuccessful bool              `json:"executionSuccessful"`
		Properties          map[string]string `json:"properties"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version"`
		InformationURI string      `json:"informationUri,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID               string       `json:"id"`
		ShortDescription sarifText    `json:"shortDescription"`
		FullDescription  sarifText    `json:"fullDescription"`
		Default          sarifDefault `json:"defaultConfiguration"`
	}
	sarifDefault struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID     string          `json:"ruleId"`
		RuleIndex  int             `json:"ruleIndex"`
		Level      string          `json:"level"`
		Message    sarifText       `json:"message"`
		Locations  []sarifLocation `json:"locations"`
		Properties map[string]any  `json:"properties,omitempty"`
	}
	sarifLocation struct {
		Physical sarifPhysical  `json:"physicalLocation"`
		Logical  []sarifLogical `json:"logicalLocations,omitempty"`
	}
	sarifPhysical struct {
		Artifact sarifArtifact `json:"artifactLocation"`
		Region   *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine int `json:"startLine"`
	}
	sarifLogical struct {
		Name               string `json:"name"`
		FullyQualifiedName string `json:"fullyQualifiedName,omitempty"`
		Kind               string `json:"kind,omitempty"`
	}
)

// SARIF writes the findings as a SARIF 2.1.0 log with one run. Text
// sources carry their line; .docx findings name the cell as a logical
// location. Cell keys and expected/actual values go in properties.
func SARIF(w io.Writer, rs []lint.FileResult, p *Printer) error {
	return writeSARIF(w, batchOf(rs), p)
}

// writeSARIF writes the log of a batch, its results encoded one at a time
// so that a large batch is never held as one value: the output is what
// encode gives for the whole log.
func writeSARIF(w io.Writer, b *lint.Batch, p *Printer) error {
	all := rules.All()
	index := map[string]int{}
	drv := sarifDriver{Name: "nianbao", Version: Build.Version, InformationURI: "https://github.com/nianbao/nianbao", Rules: []sarifRule{}}
	for i, r := range all {
		index[r.ID] = i
		drv.Rules = append(drv.Rules, sarifRule{ID: r.ID, ShortDescription: sarifText{p.Sprintf(r.Title)},
			FullDescription: sarifText{p.Sprintf(r.Doc)}, Default: sarifDefault{sarifLevel(r.Severity)}})
	}
	// The log with no result, cut where the results go.
	var buf bytes.Buffer
	if err := encode(&buf, sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{drv}, Invocations: []sarifInvocation{invocation()}, Results: []sarifResult{}}},
	}); err != nil {
		return err
	}
	const empty = `"results": []`
	head, tail, ok := bytes.Cut(buf.Bytes(), []byte(empty))
	if !ok {
		return fmt.Errorf("sarif: no %s in the log", empty)
	}
	bw := bufio.NewWriter(w)
	bw.Write(head)
	bw.WriteString(`"results": [`)
	var rb bytes.Buffer
	enc := json.NewEncoder(&rb)
	enc.SetEscapeHTML(false)
	enc.SetIndent("        ", "  ")
	n := 0
	err := b.Each(func(_ int, r lint.FileResult) error {
		for _, f := range r.Findings {
			idx, ok := index[f.Rule]
			if !ok {
				idx = -1
			}
			file := f.Pos.File
			if file == "" {
				file = r.Path
			}
			loc := sarifLocation{Physical: sarifPhysical{Artifact: sarifArtifact{sarifURI(file)}}}
			if f.Pos.Line > 0 {
				loc.Physical.Region = &sarifRegion{StartLine: f.Pos.Line}
			}
			props := map[string]any{}
			if f.Pos.Page > 0 {
				props["page"] = f.Pos.Page
			}
			if f.Cell != "" {
				loc.Logical = []sarifLogical{{Name: p.Cell(f.Cell), FullyQualifiedName: f.Cell, Kind: "element"}}
				props["cell"] = f.Cell
			}
			if len(f.Related) > 0 {
				props["related"] = f.Related
			}
			if f.Expected != nil {
				props["expected"] = *f.Expected
			}
			if f.Actual != nil {
				props["actual"] = *f.Actual
			}
			if len(props) == 0 {
				props = nil
			}
			if n > 0 {
				bw.WriteByte(',')
			}
			n++
			bw.WriteString("\n        ")
			rb.Reset()
			if err := enc.Encode(sarifResult{RuleID: f.Rule, RuleIndex: idx, Level: sarifLevel(f.Severity),
				Message: sarifText{p.Message(f.Msg)}, Locations: []sarifLocation{loc}, Properties: props}); err != nil {
				return err
			}
			bw.Write(bytes.TrimSuffix(rb.Bytes(), []byte("\n")))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n      ")
	}
	bw.WriteString("]")
	bw.Write(tail)
	return bw.Flush()
}

// invocation is the run's one invocation: nianbao writes the log only
// when the run completed, so the execution was successful whatever it
// found.
func invocation() sarifInvocation {
	props := map[string]string{"version": Build.Version}
	if Build.Commit != "" {
		props["commit"] = Build.Commit
	}
	if Build.Date != "" {
		props["date"] = Build.Date
	}
	return sarifInvocation{ExecutionSuccessful: true, Properties: props}
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

// sarifURI turns a path into a URI reference: relative paths stay relative
// (slash-separated, escaped), absolute ones become file: URIs.
func sarifURI(path string) string {
	slash := filepath.ToSlash(path)
	u := url.URL{Path: slash}
	if filepath.IsAbs(path) {
		u.Scheme = "file"
		if !strings.HasPrefix(slash, "/") {
			u.Path = "/" + slash
		}
	}
	return u.String()
}
