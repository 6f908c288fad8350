package parser

import (
	"context"
	"encoding/binary"
	"fmt"
)

// Word 97-2003 binary documents ([MS-DOC]): .doc as written by Word 97 to
// Word 2019, LibreOffice and WPS Office, and the .wps files of WPS Office
// 2005 and later, which use the same layout. The file is an OLE compound
// file (cfb.go) whose WordDocument stream starts with the File Information
// Block (FIB). The FIB locates, in the table stream ("0Table" or
// "1Table"), the piece table (CLX) that maps character positions (CPs) to
// the bytes of the text in WordDocument, and the bin tables of the
// formatted disk pages (FKPs) that hold paragraph properties (PAPX) and
// character properties (CHPX) by file offset (FC).
//
// The reader reads the main document text only (CPs 0 to ccpText):
// footnotes, headers, footers, comments and text boxes are other
// documents, as they are other parts of a .docx. Of the properties it
// reads the few that decide structure: table depth, cell and row marks,
// row definitions (cell boundaries, merges), hidden text and tracked
// deletions. See word97Walker and word97Builder for what becomes of them.

// FIB fields: offsets into FibBase and indexes into FibRgFcLcb.
const (
	fibIdent       = 0xA5EC
	fibMinNFib     = 0x00C0 // Word 97 writes 0x00C1; Word 6.0 and 95 wrote 0x0065-0x0068
	fibFlagsAt     = 0x0A
	fibEncrypted   = 0x0100 // fEncrypted: encrypted or XOR-obfuscated
	fibWhichTable  = 0x0200 // fWhichTblStm: the table stream is 1Table
	fibCswAt       = 0x20
	fibLwCcpText   = 3  // index of ccpText in FibRgLw97
	fibFcPlcfChpx  = 12 // fcPlcfBteChpx in FibRgFcLcb97
	fibFcPlcfPapx  = 13 // fcPlcfBtePapx
	fibFcClx       = 33 // fcClx
	fkpSize        = 512
	maxPapxRunsFKP = 0x1D
	maxChpxRunsFKP = 0x65
)

// fib is what the reader needs of the File Information Block.
type fib struct {
	nFib, flags uint16
	ccpText     uint32
	clx         [2]uint32 // fc, lcb in the table stream
	papx, chpx  [2]uint32
	tableStream string
}

// readFIB reads the FIB at the start of the WordDocument stream. A stream
// that does not start with the Word identifier is corrupt; a FIB older
// than Word 97 (Word 6.0, Word 95, and the WPS versions that wrote their
// layout) is ErrLegacyDoc; an encrypted document is ErrEncrypted.
func readFIB(wd []byte) (fib, error) {
	var f fib
	if len(wd) < fibCswAt+2 || binary.LittleEndian.Uint16(wd) != fibIdent {
		return f, fmt.Errorf("%w: WordDocument stream has no Word file information block", ErrCorrupt)
	}
	f.nFib = binary.LittleEndian.Uint16(wd[2:])
	f.flags = binary.LittleEndian.Uint16(wd[fibFlagsAt:])
	if f.nFib < fibMinNFib {
		return f, fmt.Errorf("%w: Word file format version %#04x, older than Word 97", ErrLegacyDoc, f.nFib)
	}
	if f.flags&fibEncrypted != 0 {
		return f, ErrEncrypted
	}
	f.tableStream = "0Table"
	if f.flags&fibWhichTable != 0 {
		f.tableStream = "1Table"
	}
	at := fibCswAt
	csw := int(binary.LittleEndian.Uint16(wd[at:]))
	at += 2 + 2*csw
	if at+2 > len(wd) {
		return f, fmt.Errorf("%w: file information block truncated", ErrCorrupt)
	}
	cslw := int(binary.LittleEndian.Uint16(wd[at:]))
	lw := at + 2
	at = lw + 4*cslw
	if cslw <= fibLwCcpText || at+2 > len(wd) {
		return f, fmt.Errorf("%w: file information block truncated", ErrCorrupt)
	}
	f.ccpText = binary.LittleEndian.Uint32(wd[lw+4*fibLwCcpText:])
	n := int(binary.LittleEndian.Uint16(wd[at:]))
	blob := at + 2
	if n <= fibFcClx || blob+8*n > len(wd) {
		return f, fmt.Errorf("%w: file information block truncated", ErrCorrupt)
	}
	pair := func(i int) [2]uint32 {
		p := wd[blob+8*i:]
		return [2]uint32{binary.LittleEndian.Uint32(p), binary.LittleEndian.Uint32(p[4:])}
	}
	f.clx, f.papx, f.chpx = pair(fibFcClx), pair(fibFcPlcfPapx), pair(fibFcPlcfChpx)
	return f, nil
}

// sub returns b[fc:fc+lcb], or ErrCorrupt naming what when that is out of
// range.
func sub(b []byte, r [2]uint32, what string) ([]byte, error) {
	end := uint64(r[0]) + uint64(r[1])
	if end > uint64(len(b)) {
		return nil, fmt.Errorf("%w: %s outside its stream", ErrCorrupt, what)
	}
	return b[r[0]:end], nil
}

// parseWord97 reads a Word 97-2003 binary document (.doc, or .wps of
// WPS Office 2005 and later) in the compound file data. It fails with
// ErrLegacyDoc for a compound file that holds no Word document (an older
// WPS format, a Works file) or an older Word version, ErrEncrypted for a
// password-protected one, ErrCorrupt for a damaged one and ErrTooLarge
// beyond lim.
func parseWord97(ctx context.Context, path string, data []byte, lim Limits) (*Document, error) {
	cf, err := openCFB(data)
	if err != nil {
		return nil, err
	}
	if cf.has("EncryptedPackage") {
		return nil, ErrEncrypted
	}
	if !cf.has("WordDocument") {
		return nil, fmt.Errorf("%w: compound file without a WordDocument stream", ErrLegacyDoc)
	}
	wd, err := cf.stream("WordDocument")
	if err != nil {
		return nil, err
	}
	f, err := readFIB(wd)
	if err != nil {
		return nil, err
	}
	tbl, err := cf.stream(f.tableStream)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	clx, err := sub(tbl, f.clx, "piece table")
	if err != nil {
		return nil, err
	}
	pieces, prcs, err := readCLX(clx, wd, f.ccpText)
	if err != nil {
		return nil, err
	}
	papx, err := readBinTable(tbl, wd, f.papx, true)
	if err != nil {
		return nil, err
	}
	chpx, err := readBinTable(tbl, wd, f.chpx, false)
	if err != nil {
		return nil, err
	}
	// The Data stream holds the properties of paragraphs too large for
	// their FKP (sprmPHugePapx); a document may have none.
	var dataStream []byte
	if cf.has("Data") {
		if dataStream, err = cf.stream("Data"); err != nil {
			return nil, err
		}
	}
	w := &word97Walker{lim: lim, wd: wd, data: dataStream, pieces: pieces, prcs: prcs, papx: papx, chpx: chpx, ccpText: f.ccpText}
	paras, err := w.walk(ctx)
	if err != nil {
		return nil, err
	}
	b := &word97Builder{path: path, lim: lim, doc: &Document{Path: path, Format: "doc"}}
	if err := b.build(paras); err != nil {
		return nil, err
	}
	b.doc.Saved = cf.savedAt()
	return b.doc, nil
}

// piece is one entry of the piece table: the CPs [cp0, cp1) are stored
// from byte fc of WordDocument, two bytes a character (UTF-16LE) or, when
// compressed, one byte a character (Windows-1252).
type piece struct {
	cp0, cp1   uint32
	fc         uint32
	compressed bool
	prm        uint16
}

// width is the number of bytes a character of p takes.
func (p piece) width() uint32 {
	if p.compressed {
		return 1
	}
	return 2
}

// readCLX reads the CLX: the property modifiers (Prc) referred to by the
// pieces, then the piece table (Pcdt). Pieces must be in CP order, start
// at 0, cover the main text and lie inside WordDocument; the main text
// cannot be longer than the stream that holds it.
func readCLX(clx, wd []byte, ccpText uint32) ([]piece, [][]byte, error) {
	if uint64(ccpText) > uint64(len(wd)) {
		return nil, nil, fmt.Errorf("%w: %d characters of text in a stream of %d bytes", ErrCorrupt, ccpText, len(wd))
	}
	var prcs [][]byte
	for i := 0; i < len(clx); {
		switch clx[i] {
		case 1: // Prc: clxt, cbGrpprl (int16), grpprl
			if i+3 > len(clx) {
				return nil, nil, fmt.Errorf("%w: piece table truncated", ErrCorrupt)
			}
			n := int(int16(binary.LittleEndian.Uint16(clx[i+1:])))
			if n < 0 || i+3+n > len(clx) {
				return nil, nil, fmt.Errorf("%w: property modifier of %d bytes", ErrCorrupt, n)
			}
			prcs = append(prcs, clx[i+3:i+3+n])
			i += 3 + n
		case 2: // Pcdt: clxt, lcb (uint32), PlcPcd
			if i+5 > len(clx) {
				return nil, nil, fmt.Errorf("%w: piece table truncated", ErrCorrupt)
			}
			lcb := uint64(binary.LittleEndian.Uint32(clx[i+1:]))
			if uint64(i+5)+lcb > uint64(len(clx)) || lcb < 4 || (lcb-4)%12 != 0 {
				return nil, nil, fmt.Errorf("%w: piece table of %d bytes", ErrCorrupt, lcb)
			}
			ps, err := readPieces(clx[i+5:i+5+int(lcb)], len(wd), ccpText)
			return ps, prcs, err
		default:
			return nil, nil, fmt.Errorf("%w: piece table entry of type %d", ErrCorrupt, clx[i])
		}
	}
	return nil, nil, fmt.Errorf("%w: no piece table", ErrCorrupt)
}

// readPieces reads a PlcPcd: n+1 CPs, then n piece descriptors of 8 bytes.
func readPieces(plc []byte, wdLen int, ccpText uint32) ([]piece, error) {
	n := (len(plc) - 4) / 12
	pcd := plc[4*(n+1):]
	ps := make([]piece, 0, n)
	for k := range n {
		cp0 := binary.LittleEndian.Uint32(plc[4*k:])
		cp1 := binary.LittleEndian.Uint32(plc[4*k+4:])
		if k == 0 && cp0 != 0 || cp1 <= cp0 {
			return nil, fmt.Errorf("%w: piece table out of order", ErrCorrupt)
		}
		d := pcd[8*k:]
		fc := binary.LittleEndian.Uint32(d[2:])
		p := piece{cp0: cp0, cp1: cp1, fc: fc & 0x3FFFFFFF, compressed: fc&0x40000000 != 0, prm: binary.LittleEndian.Uint16(d[6:])}
		if p.compressed {
			p.fc /= 2
		}
		if uint64(p.fc)+uint64(cp1-cp0)*uint64(p.width()) > uint64(wdLen) {
			return nil, fmt.Errorf("%w: text piece outside the WordDocument stream", ErrCorrupt)
		}
		ps = append(ps, p)
		if cp1 >= ccpText {
			return ps, nil
		}
	}
	if ccpText == 0 {
		return ps, nil
	}
	return nil, fmt.Errorf("%w: piece table ends before the text does", ErrCorrupt)
}

// binTable is a PlcBtePapx or PlcBteChpx: for each range of FCs the page
// of WordDocument (an FKP) that holds the properties of the runs in it.
// Pages are read when a lookup needs them, so a table that names one page
// many times costs nothing more.
type binTable struct {
	wd    []byte
	fcs   []byte // n+1 FCs
	pns   []byte // n page numbers
	n     int
	papx  bool
	last  int // index of the page of the last lookup, -1 before any
	runs  []fkpRun
	empty bool
}

// fkpRun is one run of an FKP: FCs [fc0, fc1) and its property modifiers
// (nil for the defaults).
type fkpRun struct {
	fc0, fc1 uint32
	grpprl   []byte
}

// readBinTable reads the bin table at r in the table stream.
func readBinTable(tbl, wd []byte, r [2]uint32, papx bool) (*binTable, error) {
	plc, err := sub(tbl, r, "property bin table")
	if err != nil {
		return nil, err
	}
	bt := &binTable{wd: wd, papx: papx, last: -1}
	if len(plc) == 0 {
		bt.empty = true
		return bt, nil
	}
	if len(plc) < 4 || (len(plc)-4)%8 != 0 {
		return nil, fmt.Errorf("%w: property bin table of %d bytes", ErrCorrupt, len(plc))
	}
	bt.n = (len(plc) - 4) / 8
	bt.fcs, bt.pns = plc[:4*(bt.n+1)], plc[4*(bt.n+1):]
	for k := range bt.n {
		if binary.LittleEndian.Uint32(bt.fcs[4*k+4:]) < binary.LittleEndian.Uint32(bt.fcs[4*k:]) {
			return nil, fmt.Errorf("%w: property bin table out of order", ErrCorrupt)
		}
	}
	return bt, nil
}

// lookup returns the run whose FCs hold fc; ok is false when no page
// covers it (the text then has default properties).
func (bt *binTable) lookup(fc uint32) (run fkpRun, ok bool) {
	if bt.empty {
		return fkpRun{}, false
	}
	if bt.last >= 0 {
		if r, ok := bt.inPage(fc); ok {
			return r, true
		}
	}
	// The page whose range [fcs[k], fcs[k+1]) holds fc.
	lo, hi := 0, bt.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if binary.LittleEndian.Uint32(bt.fcs[4*m+4:]) <= fc {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= bt.n || fc < binary.LittleEndian.Uint32(bt.fcs[4*lo:]) {
		return fkpRun{}, false
	}
	if lo != bt.last {
		bt.last = lo
		bt.loadPage(lo)
	}
	return bt.inPage(fc)
}

// inPage looks fc up among the runs of the loaded page.
func (bt *binTable) inPage(fc uint32) (fkpRun, bool) {
	for _, r := range bt.runs {
		if r.fc0 <= fc && fc < r.fc1 {
			return r, true
		}
	}
	return fkpRun{}, false
}

// loadPage reads the runs of page k. A page outside WordDocument or with
// an impossible run count has no runs: its text keeps default
// properties, and the text itself is still read.
func (bt *binTable) loadPage(k int) {
	bt.runs = bt.runs[:0]
	pn := uint64(binary.LittleEndian.Uint32(bt.pns[4*k:]) & 0x3FFFFF)
	off := pn * fkpSize
	if off+fkpSize > uint64(len(bt.wd)) {
		return
	}
	page := bt.wd[off : off+fkpSize]
	crun := int(page[fkpSize-1])
	limit := maxChpxRunsFKP
	if bt.papx {
		limit = maxPapxRunsFKP
	}
	if crun == 0 || crun > limit {
		return
	}
	for i := range crun {
		r := fkpRun{fc0: binary.LittleEndian.Uint32(page[4*i:]), fc1: binary.LittleEndian.Uint32(page[4*i+4:])}
		base := 4 * (crun + 1)
		if bt.papx {
			// BxPap: bOffset and a 12-byte PHE. PapxInFkp: cb, then
			// 2*cb-1 bytes, or 0 and cb', then 2*cb' bytes, of istd and
			// grpprl.
			if o := 2 * int(page[base+13*i]); o != 0 && o < fkpSize-1 {
				n, at := 2*int(page[o])-1, o+1
				if page[o] == 0 {
					n, at = 2*int(page[o+1]), o+2
				}
				if n >= 2 && at+n <= fkpSize-1 {
					r.grpprl = page[at+2 : at+n] // after istd
				}
			}
		} else if o := 2 * int(page[base+i]); o != 0 && o < fkpSize-1 {
			// Chpx: cb, then cb bytes of grpprl.
			if n := int(page[o]); o+1+n <= fkpSize-1 {
				r.grpprl = page[o+1 : o+1+n]
			}
		}
		bt.runs = append(bt.runs, r)
	}
}
