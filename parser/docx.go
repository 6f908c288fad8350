package parser

import (
	"context"
	"fmt"
)

// parseDocx reads a WordprocessingML package. Until the .docx reader lands it
// reports the format as unsupported.
func parseDocx(_ context.Context, _ string, _ []byte, _ Limits) (*Document, error) {
	return nil, fmt.Errorf("%w: .docx is not read yet", ErrUnsupportedFormat)
}
