package report

import (
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
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
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
	all := rules.All()
	index := map[string]int{}
	drv := sarifDriver{Name: "nianbao", InformationURI: "https://github.com/nianbao/nianbao", Rules: []sarifRule{}}
	for i, r := range all {
		index[r.ID] = i
		drv.Rules = append(drv.Rules, sarifRule{ID: r.ID, ShortDescription: sarifText{p.Sprintf(r.Title)},
			FullDescription: sarifText{p.Sprintf(r.Doc)}, Default: sarifDefault{sarifLevel(r.Severity)}})
	}
	run := sarifRun{Tool: sarifTool{drv}, Results: []sarifResult{}}
	for _, r := range rs {
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
			run.Results = append(run.Results, sarifResult{RuleID: f.Rule, RuleIndex: idx, Level: sarifLevel(f.Severity),
				Message: sarifText{p.Message(f.Msg)}, Locations: []sarifLocation{loc}, Properties: props})
		}
	}
	return encode(w, sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
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
