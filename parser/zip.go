package parser

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// The package is opened with archive/zip rather than
// github.com/nguyenthenguyen/docx: that library inflates every entry it
// reads without a size limit, so it cannot sit behind the guards below.

const (
	// maxZipEntries bounds the entries in a package's central directory.
	// archive/zip keeps one record per entry in memory, so a directory of a
	// million tiny entries would cost hundreds of megabytes before any
	// entry is opened. Real documents have tens of parts, a few hundred
	// with many images.
	maxZipEntries = 10_000

	// maxMetaPartBytes bounds the small package parts read to find the main
	// document ([Content_Types].xml, _rels/.rels).
	maxMetaPartBytes = 1 << 20

	// ratioFloor is the inflated size below which an entry is not held to
	// Limits.MaxCompressionRatio: small XML parts full of repeated markup
	// can compress very well, and inflating them costs nothing.
	ratioFloor = 1 << 20
)

// docxPackage is a zip package opened behind size guards. Every entry is
// checked against the limits before it is inflated, and read through a
// reader that stops at the entry's declared size, so neither a high
// compression ratio nor a lying header can make it inflate more than the
// limits allow.
type docxPackage struct {
	zr   *zip.Reader
	size int64 // bytes of the whole package
	lim  Limits
	// budget is what is left of Limits.MaxInflatedBytes after the entries
	// opened so far.
	budget int64
}

// openPackage reads the zip directory of data.
func openPackage(data []byte, lim Limits) (*docxPackage, error) {
	return openPackageAt(memReader(data), int64(len(data)), lim)
}

// memReader is a package held in memory. zipEntryCount reads its end in
// place instead of copying it.
type memReader []byte

func (m memReader) ReadAt(b []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	if off >= int64(len(m)) {
		return 0, io.EOF
	}
	n := copy(b, m[off:])
	if n < len(b) {
		return n, io.EOF
	}
	return n, nil
}

// openPackageAt reads the zip directory of the size bytes r holds.
func openPackageAt(r io.ReaderAt, size int64, lim Limits) (*docxPackage, error) {
	if n, ok := zipEntryCount(r, size); ok && n > maxZipEntries {
		return nil, tooLarge(LimitStructure, maxZipEntries, "zip directory lists %d entries, more than %d", n, maxZipEntries)
	}
	zr, err := zip.NewReader(r, size)
	// ErrInsecurePath comes with a usable reader; entries are never written
	// to disk, so their names cannot escape anything.
	if err != nil && (zr == nil || !errors.Is(err, zip.ErrInsecurePath)) {
		return nil, fmt.Errorf("%w: not a readable zip package: %v", ErrCorrupt, err)
	}
	return &docxPackage{zr: zr, size: size, lim: lim, budget: lim.MaxInflatedBytes}, nil
}

// find returns the entry named name (a part name without leading slash),
// compared as OPC does, ignoring case. Backslashes written by some broken
// Windows tools count as slashes. It returns nil if there is none.
func (p *docxPackage) find(name string) *zip.File {
	for _, f := range p.zr.File {
		n := strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")
		if strings.EqualFold(n, name) {
			return f
		}
	}
	return nil
}

// open checks f's declared sizes against the limits and max, then returns
// a reader of its inflated content that fails with ErrCorrupt as soon as
// the content runs past the declared size. Nothing is inflated when a
// check fails.
func (p *docxPackage) open(f *zip.File, max int64) (io.ReadCloser, error) {
	size, packed := f.UncompressedSize64, f.CompressedSize64
	// The limit named is the part's own bound, or MaxInflatedBytes when
	// what is left of it binds.
	limit := max
	if max > p.budget {
		max, limit = p.budget, p.lim.MaxInflatedBytes
	}
	if max < 0 {
		max = 0
	}
	if size > uint64(max) {
		return nil, tooLarge(LimitInflated, limit, "%s declares %d bytes inflated, limit %d", f.Name, size, max)
	}
	if packed > uint64(p.size) {
		return nil, fmt.Errorf("%w: %s declares %d compressed bytes in a %d-byte file", ErrCorrupt, f.Name, packed, p.size)
	}
	if size > ratioFloor && (packed == 0 || size/packed > uint64(p.lim.MaxCompressionRatio)) {
		return nil, tooLarge(LimitRatio, p.lim.MaxCompressionRatio, "%s compression ratio %d:%d exceeds %d", f.Name, size, packed, p.lim.MaxCompressionRatio)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: open %s: %v", ErrCorrupt, f.Name, err)
	}
	p.budget -= int64(size)
	return &entryReader{rc: rc, name: f.Name, left: int64(size)}, nil
}

// reopen opens f, which open has opened before, once more, without
// charging its size to the budget a second time.
func (p *docxPackage) reopen(f *zip.File) (io.ReadCloser, error) {
	p.budget += int64(f.UncompressedSize64)
	return p.open(f, p.budget)
}

// readAll reads the whole of f, at most max bytes, behind the same guards
// as open.
func (p *docxPackage) readAll(f *zip.File, max int64) ([]byte, error) {
	return p.readInto(f, max, nil)
}

// maxPrealloc bounds the buffer readInto allocates from an entry's
// declared size before any byte is inflated: a header may lie, and a
// small package must not cost much memory. Larger entries grow the
// buffer as their bytes arrive.
const maxPrealloc = 8 << 20

// readInto reads the whole of f, at most limit bytes, behind the same guards
// as open, appending to buf (from its length). The buffer is sized once
// from the declared size, which open has checked, so an entry of honest
// size up to maxPrealloc is read without reallocation.
func (p *docxPackage) readInto(f *zip.File, limit int64, buf []byte) ([]byte, error) {
	rc, err := p.open(f, limit)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// One byte more than declared, so that the read that finds the end of
	// the entry has room and the entry reader can check it. open has
	// checked the declared size against limit, so it fits in an int.
	base, size := len(buf), int(f.UncompressedSize64)
	buf = slices.Grow(buf, min(size, maxPrealloc)+1)
	for zero := 0; ; {
		if len(buf) == cap(buf) {
			// Only an entry declared larger than maxPrealloc gets here:
			// double what has arrived, up to the declared size (the entry
			// reader stops there).
			got := len(buf) - base
			buf = slices.Grow(buf, max(1, min(got, size+1-got)))
		}
		n, err := rc.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		switch {
		case err == io.EOF:
			return buf, nil
		case err != nil:
			return nil, readErr(f.Name, err)
		case n == 0:
			if zero++; zero > 100 {
				return nil, readErr(f.Name, io.ErrNoProgress)
			}
		}
	}
}

// readErr wraps an error met while reading entry name as ErrCorrupt,
// unless it already carries one of the package's sentinels.
func readErr(name string, err error) error {
	if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrTooLarge) {
		return err
	}
	return fmt.Errorf("%w: read %s: %v", ErrCorrupt, name, err)
}

// entryReader reads one inflated entry and refuses to return more than its
// declared size. archive/zip checks the size too, but only after it has
// handed the extra bytes over; this reader never does.
type entryReader struct {
	rc   io.ReadCloser
	name string
	left int64 // declared bytes not yet returned
}

func (r *entryReader) Read(b []byte) (int, error) {
	if r.left <= 0 {
		// Probe for one more byte: a well-formed entry is at EOF here,
		// and archive/zip verifies the checksum on the way.
		var one [1]byte
		n, err := r.rc.Read(one[:])
		switch {
		case err == io.EOF && n == 0:
			return 0, io.EOF
		case n > 0 || errors.Is(err, zip.ErrFormat) || err == nil:
			// archive/zip reports ErrFormat once it sees more bytes
			// than the header declares.
			return 0, fmt.Errorf("%w: %s inflates beyond its declared size", ErrCorrupt, r.name)
		}
		return 0, readErr(r.name, err)
	}
	if int64(len(b)) > r.left {
		b = b[:r.left]
	}
	n, err := r.rc.Read(b)
	r.left -= int64(n)
	if err == io.EOF && r.left > 0 {
		err = fmt.Errorf("%w: %s is %d bytes shorter than declared", ErrCorrupt, r.name, r.left)
	}
	return n, err
}

func (r *entryReader) Close() error { return r.rc.Close() }

// zipEntryCount reads the number of entries from the end of central
// directory record of the size bytes r holds (or its zip64 variant),
// without trusting any other part of the archive. ok is false when no
// record is found; the zip reader then reports the damage.
func zipEntryCount(r io.ReaderAt, size int64) (n uint64, ok bool) {
	const eocdLen, maxComment = 22, 0xFFFF
	lo := max(size-eocdLen-maxComment, 0)
	var tail []byte
	if m, ok := r.(memReader); ok {
		tail = m[lo:size]
	} else {
		tail = make([]byte, size-lo)
		if _, err := r.ReadAt(tail, lo); err != nil && err != io.EOF {
			return 0, false
		}
	}
	at := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if at < 0 || at+eocdLen > len(tail) {
		return 0, false
	}
	n = uint64(binary.LittleEndian.Uint16(tail[at+10:]))
	if n != 0xFFFF {
		return n, true
	}
	// zip64: a 20-byte locator precedes the record and points at the
	// zip64 end of central directory record.
	loc := at - 20
	if loc < 0 || !bytes.Equal(tail[loc:loc+4], []byte("PK\x06\x07")) {
		return n, true
	}
	off := binary.LittleEndian.Uint64(tail[loc+8:])
	var rec [56]byte
	if off > uint64(size) || uint64(size)-off < 56 {
		return n, true
	}
	if _, err := r.ReadAt(rec[:], int64(off)); err != nil && err != io.EOF || !bytes.Equal(rec[:4], []byte("PK\x06\x06")) {
		return n, true
	}
	return binary.LittleEndian.Uint64(rec[32:]), true
}
