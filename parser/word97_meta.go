package parser

import (
	"bytes"
	"encoding/binary"
	"time"
)

// The SummaryInformation property set of a compound file ([MS-OLEPS]):
// its stream is "\x05SummaryInformation", which mscfb names without the
// leading control character.
const (
	summaryStream = "SummaryInformation"
	pidCreated    = 0x0C // PIDSI_CREATE_DTM
	pidLastSaved  = 0x0D // PIDSI_LASTSAVE_DTM
	vtFiletime    = 0x0040
	// filetimeUnix is 1970-01-01 in FILETIME units (100 ns since 1601).
	filetimeUnix = 116444736000000000
)

// fmtidSummary is FMTID_SummaryInformation,
// F29F85E0-4FF9-1068-AB91-08002B27B3D9, as stored.
var fmtidSummary = []byte{0xE0, 0x85, 0x9F, 0xF2, 0xF9, 0x4F, 0x68, 0x10, 0xAB, 0x91, 0x08, 0x00, 0x2B, 0x27, 0xB3, 0xD9}

// savedAt returns when the file was last saved as its summary
// information says (the last-saved time, else the creation time), in the
// form the .docx reader gives ("2006-01-02T15:04:05Z"), or "". The
// properties are not the report: a stream that is missing or damaged
// leaves the date unknown and the document readable. (The property set is
// read here rather than with msoleps, which slices its input by offsets it
// does not check.)
func (c *cfbFile) savedAt() string {
	if !c.has(summaryStream) {
		return ""
	}
	b, err := c.stream(summaryStream)
	if err != nil {
		return ""
	}
	return summarySaved(b)
}

// summarySaved reads the saved time from the property set stream b.
func summarySaved(b []byte) string {
	// PropertySetStream: ByteOrder, Version, SystemIdentifier, CLSID,
	// NumPropertySets, then FMTID0 and Offset0.
	if len(b) < 48 || binary.LittleEndian.Uint16(b) != 0xFFFE || binary.LittleEndian.Uint32(b[24:]) < 1 || !bytes.Equal(b[28:44], fmtidSummary) {
		return ""
	}
	off := uint64(binary.LittleEndian.Uint32(b[44:]))
	if off+8 > uint64(len(b)) {
		return ""
	}
	ps := b[off:]
	// PropertySet: Size, NumProperties, then (PropertyIdentifier, Offset)
	// pairs; offsets from the start of the set.
	n := min(uint64(binary.LittleEndian.Uint32(ps[4:])), uint64(len(ps)-8)/8)
	var times [2]string // created, last saved
	for k := range n {
		e := ps[8+8*k:]
		pid, po := binary.LittleEndian.Uint32(e), uint64(binary.LittleEndian.Uint32(e[4:]))
		if pid != pidCreated && pid != pidLastSaved || po+12 > uint64(len(ps)) {
			continue
		}
		v := ps[po:]
		if binary.LittleEndian.Uint16(v) != vtFiletime {
			continue
		}
		ft := binary.LittleEndian.Uint64(v[4:])
		if ft <= filetimeUnix {
			continue // unset (0), or before 1970: not a save time
		}
		t := time.Unix(0, 0).Add(time.Duration(ft-filetimeUnix) * 100)
		if t.Year() > 2200 {
			continue
		}
		times[pid-pidCreated] = t.UTC().Format("2006-01-02T15:04:05Z")
	}
	if times[1] != "" {
		return times[1]
	}
	return times[0]
}
