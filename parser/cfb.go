package parser

import (
	"bytes"
	"fmt"
	"io"

	// mscfb reads the OLE compound file (CFB) container of Word 97-2003
	// .doc and WPS .wps files: header, FAT, DIFAT, mini stream and
	// directory. It is maintained, pure Go, fuzzed upstream, and already in
	// the module graph (excelize uses it for encrypted workbooks), so
	// reading .doc adds no module. It is imported here only; this file
	// puts the limits around it.
	"github.com/richardlehane/mscfb"
)

// cfbFile is an OLE compound file opened for reading its top-level
// streams.
type cfbFile struct {
	size int64
	r    *mscfb.Reader
}

// openCFB opens the compound file data. A damaged container fails with
// ErrCorrupt. mscfb bounds its own tables (it refuses cycles in sector
// chains and caps the slices it makes from counts in the header); a panic
// inside it on input it did not foresee is turned into ErrCorrupt too,
// since a hostile file must not take the batch down.
func openCFB(data []byte) (c *cfbFile, err error) {
	defer func() {
		if v := recover(); v != nil {
			c, err = nil, fmt.Errorf("%w: compound file: %v", ErrCorrupt, v)
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: compound file: %v", ErrCorrupt, err)
	}
	return &cfbFile{size: int64(len(data)), r: r}, nil
}

// has reports whether the compound file has a top-level stream called
// name.
func (c *cfbFile) has(name string) bool { return c.find(name) != nil }

func (c *cfbFile) find(name string) *mscfb.File {
	for _, f := range c.r.File {
		if f.Name == name && len(f.Path) == 0 && f.FileInfo().Mode().IsRegular() {
			return f
		}
	}
	return nil
}

// stream reads the top-level stream name whole. A stream is stored in
// distinct sectors of the file, so one that claims to be larger than the
// file is corrupt; this bounds what is read by the file's size, which the
// caller has bounded by Limits.MaxFileBytes. A missing stream is
// ErrCorrupt too: callers ask only for streams the format requires.
func (c *cfbFile) stream(name string) (b []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			b, err = nil, fmt.Errorf("%w: stream %s: %v", ErrCorrupt, name, v)
		}
	}()
	f := c.find(name)
	if f == nil {
		return nil, fmt.Errorf("%w: no %s stream", ErrCorrupt, name)
	}
	if f.Size < 0 || f.Size > c.size {
		return nil, fmt.Errorf("%w: stream %s claims %d bytes in a file of %d", ErrCorrupt, name, f.Size, c.size)
	}
	b = make([]byte, f.Size)
	if len(b) == 0 {
		return b, nil
	}
	n, err := f.Read(b)
	if n != len(b) || err != nil && err != io.EOF {
		return nil, fmt.Errorf("%w: stream %s: read %d of %d bytes: %v", ErrCorrupt, name, n, len(b), err)
	}
	return b, nil
}
