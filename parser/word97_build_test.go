package parser

import (
	"encoding/binary"
	"sort"
	"testing"
	"unicode/utf16"
)

// Builders of Word 97-2003 files for tests: a minimal compound file
// writer and a .doc writer with the structures the reader reads (FIB,
// piece table with 8-bit and UTF-16 pieces, PAPX FKPs, the Data stream).
// The fixtures in testdata/doc are made by LibreOffice; these files are
// for the structures LibreOffice does not write and for hostile inputs.

const (
	cfbEnd  = 0xFFFFFFFE // ENDOFCHAIN
	cfbFree = 0xFFFFFFFF // FREESECT and NOSTREAM
	cfbFAT  = 0xFFFFFFFD // FATSECT
)

// cfbOf builds a version 3 compound file (512-byte sectors, the FAT
// sectors listed in the header) with the given top-level streams. Streams
// are padded to 4096 bytes, so that none is stored in the mini stream.
func cfbOf(t testing.TB, streams map[string][]byte) []byte {
	t.Helper()
	names := make([]string, 0, len(streams))
	for n := range streams {
		names = append(names, n)
	}
	sort.Strings(names)
	nDir := (len(names) + 1 + 3) / 4
	sizes := make([]int, len(names))
	nData := 0
	for i, n := range names {
		sizes[i] = max(len(streams[n]), 4096)
		nData += (sizes[i] + 511) / 512
	}
	nFat := 1
	for nFat*128 < nFat+nDir+nData {
		nFat++
	}
	if nFat > 109 {
		t.Fatalf("cfbOf: %d FAT sectors, more than the header lists", nFat)
	}
	fat := make([]uint32, 0, nFat*128)
	for range nFat {
		fat = append(fat, cfbFAT)
	}
	// chain appends a chain of n sectors to the FAT and returns its start.
	chain := func(n int) uint32 {
		start := uint32(len(fat))
		for k := range n {
			next := uint32(cfbEnd)
			if k < n-1 {
				next = uint32(len(fat) + 1)
			}
			fat = append(fat, next)
		}
		return start
	}
	dirStart := chain(nDir)
	var body []byte
	starts := make([]uint32, len(names))
	for i, n := range names {
		padded := make([]byte, (sizes[i]+511)/512*512)
		copy(padded, streams[n])
		starts[i] = chain(len(padded) / 512)
		body = append(body, padded...)
	}
	for len(fat)%128 != 0 {
		fat = append(fat, cfbFree)
	}
	out := make([]byte, 512*(1+nFat+nDir))
	copy(out, oleMagic)
	h := out[:512]
	binary.LittleEndian.PutUint16(h[0x18:], 0x3E)
	binary.LittleEndian.PutUint16(h[0x1A:], 3)
	binary.LittleEndian.PutUint16(h[0x1C:], 0xFFFE)
	binary.LittleEndian.PutUint16(h[0x1E:], 9)
	binary.LittleEndian.PutUint16(h[0x20:], 6)
	binary.LittleEndian.PutUint32(h[0x2C:], uint32(nFat))
	binary.LittleEndian.PutUint32(h[0x30:], dirStart)
	binary.LittleEndian.PutUint32(h[0x38:], 4096)
	binary.LittleEndian.PutUint32(h[0x3C:], cfbEnd) // mini FAT
	binary.LittleEndian.PutUint32(h[0x44:], cfbEnd) // DIFAT
	for i := range 109 {
		v := uint32(cfbFree)
		if i < nFat {
			v = uint32(i)
		}
		binary.LittleEndian.PutUint32(h[0x4C+4*i:], v)
	}
	for i, v := range fat {
		binary.LittleEndian.PutUint32(out[512+4*i:], v)
	}
	dir := out[512*(1+nFat):]
	for i := range 4 * nDir {
		for _, at := range []int{0x44, 0x48, 0x4C} {
			binary.LittleEndian.PutUint32(dir[128*i+at:], cfbFree)
		}
	}
	entry := func(i int, name string, typ byte, child, right, start uint32, size int) {
		e := dir[128*i:]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			binary.LittleEndian.PutUint16(e[2*j:], c)
		}
		binary.LittleEndian.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42], e[0x43] = typ, 1
		binary.LittleEndian.PutUint32(e[0x48:], right)
		binary.LittleEndian.PutUint32(e[0x4C:], child)
		binary.LittleEndian.PutUint32(e[0x74:], start)
		binary.LittleEndian.PutUint32(e[0x78:], uint32(size))
	}
	child := uint32(cfbFree)
	if len(names) > 0 {
		child = 1
	}
	entry(0, "Root Entry", 5, child, cfbFree, cfbEnd, 0)
	for i, n := range names {
		right := uint32(cfbFree)
		if i < len(names)-1 {
			right = uint32(i + 2)
		}
		entry(i+1, n, 2, cfbFree, right, starts[i], sizes[i])
	}
	return append(out, body...)
}

// wPara is a paragraph of a test document: its text with the mark that
// ends it ("\r" a paragraph mark, "\a" a cell mark), its paragraph sprms,
// whether its text is stored as 8-bit (compressed) text, and sprms for the
// whole paragraph (text and mark) in a property modifier of its piece
// (Prc in the CLX, pointed to by a Prm1).
type wPara struct {
	text       string
	sprms      []byte
	compressed bool
	prc        []byte
}

// Paragraph sprms for tests.
var (
	inTable  = sprm(sprmPFInTable, 1)
	ttp      = append(sprm(sprmPFInTable, 1), sprm(sprmPFTtp, 1)...)
	innerEnd = append(itap(2), sprm(sprmPFInnerTableCell, 1)...)
	innerTtp = append(itap(2), sprm(sprmPFInnerTtp, 1)...)
)

// sprm encodes op with its operand.
func sprm(op uint16, arg ...byte) []byte {
	return append(binary.LittleEndian.AppendUint16(nil, op), arg...)
}

func itap(n int) []byte {
	return append(sprm(sprmPFInTable, 1), sprm(sprmPItap, binary.LittleEndian.AppendUint32(nil, uint32(n))...)...)
}

// tdef is a sprmTDefTable for cells with the given edges (twips) and
// flags.
func tdef(edges []int, flags ...uint16) []byte {
	n := len(edges) - 1
	op := []byte{byte(n)}
	for _, e := range edges {
		op = binary.LittleEndian.AppendUint16(op, uint16(int16(e)))
	}
	for i := range n {
		var f uint16
		if i < len(flags) {
			f = flags[i]
		}
		tc := make([]byte, 20)
		binary.LittleEndian.PutUint16(tc, f)
		op = append(op, tc...)
	}
	return append(sprm(sprmTDefTable, binary.LittleEndian.AppendUint16(nil, uint16(len(op)+1))...), op...)
}

// row returns the paragraphs of a table row at depth 1: one per cell,
// then the TTP with the row definition.
func row(def []byte, cells ...string) []wPara {
	var ps []wPara
	for _, c := range cells {
		ps = append(ps, wPara{text: c + "\a", sprms: inTable})
	}
	return append(ps, wPara{text: "\a", sprms: append(append([]byte{}, ttp...), def...)})
}

// docOpts changes how word97Of writes a file.
type docOpts struct {
	flags    uint16            // FibBase flags besides fWhichTblStm
	nFib     uint16            // 0: 0x00C1
	ccpText  int               // 0: the length of the text
	data     []byte            // the Data stream
	streams  map[string][]byte // more streams
	noPapx   bool              // no paragraph properties at all
	fibPatch func(fib []byte)  // changes the FIB last
	tblPatch func(tbl []byte)  // changes the table stream last
	clxPatch func(clx []byte) []byte
}

// word97Of builds a Word 97 document of the paragraphs.
func word97Of(t testing.TB, paras []wPara, o docOpts) []byte {
	t.Helper()
	const fibLen, textAt = 900, 1024
	wd := make([]byte, textAt)
	type placed struct {
		cp, n, fc  int
		compressed bool
	}
	var pieces []placed
	var runs []struct{ fc0, fc1 int }
	cp := 0
	for _, p := range paras {
		u := utf16.Encode([]rune(p.text))
		pc := placed{cp: cp, n: len(u), fc: len(wd), compressed: p.compressed}
		if p.compressed {
			for _, c := range u {
				wd = append(wd, byte(c))
			}
		} else {
			for _, c := range u {
				wd = binary.LittleEndian.AppendUint16(wd, c)
			}
		}
		pieces = append(pieces, pc)
		runs = append(runs, struct{ fc0, fc1 int }{pc.fc, len(wd)})
		cp += len(u)
	}
	// PAPX FKPs: as many paragraphs a page as fit, the PapxInFkp written
	// from the end of the page down.
	grpOf := func(i int) []byte {
		g := append([]byte{0, 0}, paras[i].sprms...) // istd 0
		if len(g)%2 != 0 {
			g = append(g, 0)
		}
		return g
	}
	var aFC, aPn []uint32
	for first := 0; first < len(paras) && !o.noPapx; {
		last, room := first, 511
		for last < len(paras) && last-first < maxPapxRunsFKP {
			need := 4 + 13 + 2 + len(grpOf(last)) + 1
			if 4+need > room {
				break
			}
			room -= need
			last++
		}
		if last == first {
			t.Fatal("word97Of: paragraph properties do not fit in a page")
		}
		for len(wd)%512 != 0 {
			wd = append(wd, 0)
		}
		pn := len(wd) / 512
		page := make([]byte, 512)
		crun := last - first
		page[511] = byte(crun)
		free := 511
		for i := first; i < last; i++ {
			binary.LittleEndian.PutUint32(page[4*(i-first):], uint32(runs[i].fc0))
			grp := grpOf(i)
			at := (free - 2 - len(grp)) &^ 1
			page[at], page[at+1] = 0, byte(len(grp)/2)
			copy(page[at+2:], grp)
			free = at
			page[4*(crun+1)+13*(i-first)] = byte(at / 2)
		}
		binary.LittleEndian.PutUint32(page[4*crun:], uint32(runs[last-1].fc1))
		wd = append(wd, page...)
		aFC = append(aFC, uint32(runs[first].fc0))
		aPn = append(aPn, uint32(pn))
		if last == len(paras) {
			aFC = append(aFC, uint32(runs[last-1].fc1))
		}
		first = last
	}
	// The table stream: PlcBtePapx, then the CLX.
	var tbl []byte
	papxAt := len(tbl)
	for _, v := range aFC {
		tbl = binary.LittleEndian.AppendUint32(tbl, v)
	}
	for _, v := range aPn {
		tbl = binary.LittleEndian.AppendUint32(tbl, v)
	}
	papxLen := len(tbl) - papxAt
	var clx []byte
	prm := make([]uint16, len(paras))
	nPrc := 0
	for i, p := range paras {
		if p.prc != nil {
			prm[i] = uint16(nPrc<<1 | 1)
			nPrc++
			clx = append(clx, 1)
			clx = binary.LittleEndian.AppendUint16(clx, uint16(len(p.prc)))
			clx = append(clx, p.prc...)
		}
	}
	clx = append(clx, 2)
	clx = binary.LittleEndian.AppendUint32(clx, uint32(4*(len(pieces)+1)+8*len(pieces)))
	for _, p := range pieces {
		clx = binary.LittleEndian.AppendUint32(clx, uint32(p.cp))
	}
	clx = binary.LittleEndian.AppendUint32(clx, uint32(cp))
	for i, p := range pieces {
		clx = append(clx, 0, 0)
		fc := uint32(p.fc)
		if p.compressed {
			fc = uint32(2*p.fc) | 0x40000000
		}
		clx = binary.LittleEndian.AppendUint32(clx, fc)
		clx = binary.LittleEndian.AppendUint16(clx, prm[i])
	}
	if o.clxPatch != nil {
		clx = o.clxPatch(clx)
	}
	clxAt := len(tbl)
	tbl = append(tbl, clx...)
	// The FIB.
	fib := wd[:fibLen]
	binary.LittleEndian.PutUint16(fib, fibIdent)
	nFib := o.nFib
	if nFib == 0 {
		nFib = 0x00C1
	}
	binary.LittleEndian.PutUint16(fib[2:], nFib)
	binary.LittleEndian.PutUint16(fib[fibFlagsAt:], fibWhichTable|0x1000|o.flags)
	binary.LittleEndian.PutUint16(fib[fibCswAt:], 14)
	binary.LittleEndian.PutUint16(fib[0x3E:], 22)
	ccp := cp
	if o.ccpText != 0 {
		ccp = o.ccpText
	}
	binary.LittleEndian.PutUint32(fib[0x40:], uint32(len(wd)))
	binary.LittleEndian.PutUint32(fib[0x40+4*fibLwCcpText:], uint32(ccp))
	binary.LittleEndian.PutUint16(fib[0x98:], 93)
	put := func(i, fc, lcb int) {
		binary.LittleEndian.PutUint32(fib[0x9A+8*i:], uint32(fc))
		binary.LittleEndian.PutUint32(fib[0x9A+8*i+4:], uint32(lcb))
	}
	put(fibFcPlcfPapx, papxAt, papxLen)
	put(fibFcPlcfChpx, 0, 0)
	put(fibFcClx, clxAt, len(clx))
	if o.fibPatch != nil {
		o.fibPatch(fib)
	}
	if o.tblPatch != nil {
		o.tblPatch(tbl)
	}
	streams := map[string][]byte{"WordDocument": wd, "1Table": tbl}
	if o.data != nil {
		streams["Data"] = o.data
	}
	for k, v := range o.streams {
		streams[k] = v
	}
	return cfbOf(t, streams)
}
