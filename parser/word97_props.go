package parser

import "encoding/binary"

// Single property modifiers (sprms) that the .doc reader reads.
const (
	sprmCFRMarkDel       = 0x0800 // text deleted with change tracking on
	sprmCFVanish         = 0x083C // hidden text
	sprmPFInTable        = 0x2416
	sprmPFTtp            = 0x2417 // the paragraph is a row end (TTP) at depth 1
	sprmPFInnerTableCell = 0x244B // cell end of a nested table
	sprmPFInnerTtp       = 0x244C // row end of a nested table
	sprmPItap            = 0x6649 // table depth
	sprmPDtap            = 0x664A // change of table depth
	sprmPHugePapx        = 0x6646 // the paragraph's sprms are in the Data stream
	sprmTMerge           = 0x5624
	sprmTSplit           = 0x5625
	sprmPChgTabs         = 0xC615
	sprmTDefTable        = 0xD608
	sprmTVertMerge       = 0xD62B
)

// TC80.tcgrf flags of a cell in sprmTDefTable.
const (
	tcFirstMerged = 0x0001
	tcMerged      = 0x0002
	tcVertMerge   = 0x0020
	tcVertRestart = 0x0040
)

// eachSprm calls fn for every sprm in grpprl with its operand. The size
// of an operand follows from the sprm's spra bits, or from its first
// bytes for the variable-size ones; a grpprl cut short ends the walk.
func eachSprm(grpprl []byte, fn func(op uint16, arg []byte)) {
	g := grpprl
	for len(g) >= 2 {
		op := binary.LittleEndian.Uint16(g)
		g = g[2:]
		var at, n int
		switch op >> 13 {
		case 0, 1:
			n = 1
		case 2, 4, 5:
			n = 2
		case 3:
			n = 4
		case 7:
			n = 3
		case 6:
			switch {
			case op == sprmTDefTable:
				// cb (uint16) counts the bytes after it, plus one.
				if len(g) < 2 {
					return
				}
				at, n = 2, int(binary.LittleEndian.Uint16(g))+1
			case op == sprmPChgTabs && len(g) >= 1 && g[0] == 255:
				// cb 255: the size follows from the two tab counts.
				at, n = 1, chgTabsSize(g[1:])
			default:
				if len(g) < 1 {
					return
				}
				at, n = 1, 1+int(g[0])
			}
		}
		if n > len(g) || at > n {
			return
		}
		fn(op, g[at:n])
		g = g[n:]
	}
}

// chgTabsSize is the size after cb of a PChgTabsOperand whose cb is 255:
// PChgTabsDelClose (cTabs, two int16 a tab) and PChgTabsAdd (cTabs, an
// int16 and a byte a tab).
func chgTabsSize(g []byte) int {
	if len(g) < 1 {
		return 1 << 30
	}
	del := 1 + 4*int(g[0])
	if del >= len(g) {
		return 1 << 30
	}
	return 1 + del + 1 + 3*int(g[del])
}

// on reads a toggle operand: 1 on, 0 off, 0x80 as the style says (off:
// styles are not read), 0x81 the opposite of the style (on).
func on(arg []byte) bool { return len(arg) > 0 && (arg[0] == 1 || arg[0] == 0x81) }

// papInfo is what the reader takes from a paragraph's properties.
type papInfo struct {
	inTable   bool
	itap      int
	ttp       bool
	innerCell bool
	innerTtp  bool
	row       *rowDef // the row a TTP paragraph ends, when it defines one
}

// depth is the table depth of the paragraph: 0 outside tables.
func (p papInfo) depth() int {
	if p.itap > 0 {
		return p.itap
	}
	if p.inTable {
		return 1
	}
	return 0
}

// rowDef is a table row as sprmTDefTable and the sprms after it define
// it: the cell boundaries (itcMac+1, in twips) and each cell's flags.
type rowDef struct {
	edges []int
	flags []uint16
}

// apply applies the paragraph sprms of grpprl to p. data is the Data
// stream, where sprmPHugePapx points to the sprms of a paragraph too large
// for its FKP (a row definition of many cells); the sprms found there are
// applied, but not followed further.
func (p *papInfo) apply(grpprl, data []byte) {
	eachSprm(grpprl, func(op uint16, arg []byte) {
		switch op {
		case sprmPHugePapx:
			if len(arg) == 4 && data != nil {
				p.apply(hugePapx(data, binary.LittleEndian.Uint32(arg)), nil)
			}
		case sprmPFInTable:
			p.inTable = on(arg)
		case sprmPFTtp:
			p.ttp = on(arg)
		case sprmPFInnerTableCell:
			p.innerCell = on(arg)
		case sprmPFInnerTtp:
			p.innerTtp = on(arg)
		case sprmPItap:
			if len(arg) == 4 {
				p.itap = int(int32(binary.LittleEndian.Uint32(arg)))
			}
		case sprmPDtap:
			if len(arg) == 4 {
				p.itap += int(int32(binary.LittleEndian.Uint32(arg)))
			}
		case sprmTDefTable:
			p.row = defTable(arg)
		case sprmTVertMerge:
			// itc, then 1 (continues the merge above) or 3 (starts one).
			if p.row != nil && len(arg) >= 2 && int(arg[0]) < len(p.row.flags) {
				f := &p.row.flags[arg[0]]
				*f &^= tcVertMerge | tcVertRestart
				switch arg[1] {
				case 1:
					*f |= tcVertMerge
				case 3:
					*f |= tcVertMerge | tcVertRestart
				}
			}
		case sprmTMerge, sprmTSplit:
			// itcFirst, itcLim: merge (or split) cells [itcFirst, itcLim).
			if p.row != nil && len(arg) >= 2 {
				for i := int(arg[0]); i < int(arg[1]) && i < len(p.row.flags); i++ {
					f := &p.row.flags[i]
					*f &^= tcFirstMerged | tcMerged
					switch {
					case op == sprmTSplit:
					case i == int(arg[0]):
						*f |= tcFirstMerged
					default:
						*f |= tcMerged
					}
				}
			}
		}
	})
	if p.itap < 0 {
		p.itap = 0
	}
}

// hugePapx returns the grpprl of the PrcData at off in the Data stream
// (cbGrpprl, then the sprms), or nil when it is not inside the stream.
func hugePapx(data []byte, off uint32) []byte {
	if uint64(off)+2 > uint64(len(data)) {
		return nil
	}
	n := int(binary.LittleEndian.Uint16(data[off:]))
	at := int(off) + 2
	if at+n > len(data) {
		return nil
	}
	return data[at : at+n]
}

// defTable reads a TDefTableOperand after its cb: itcMac, itcMac+1 cell
// edges (int16 twips), then up to itcMac TC80s of 20 bytes, of which the
// first two bytes are the flags.
func defTable(arg []byte) *rowDef {
	if len(arg) < 1 {
		return nil
	}
	n := int(arg[0])
	if len(arg) < 1+2*(n+1) {
		return nil
	}
	r := &rowDef{edges: make([]int, n+1), flags: make([]uint16, n)}
	for i := range n + 1 {
		r.edges[i] = int(int16(binary.LittleEndian.Uint16(arg[1+2*i:])))
	}
	tcs := arg[1+2*(n+1):]
	for i := 0; i < n && 20*i+2 <= len(tcs); i++ {
		r.flags[i] = binary.LittleEndian.Uint16(tcs[20*i:])
	}
	return r
}

// chpInfo is what the reader takes from a run's character properties.
type chpInfo struct {
	vanish, deleted bool
}

func (c *chpInfo) apply(grpprl []byte) {
	eachSprm(grpprl, func(op uint16, arg []byte) {
		switch op {
		case sprmCFVanish:
			c.vanish = on(arg)
		case sprmCFRMarkDel:
			c.deleted = on(arg)
		}
	})
}
