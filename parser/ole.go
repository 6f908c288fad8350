package parser

import (
	"bytes"
	"encoding/binary"
)

// OLE compound file (CFB) layout, as far as sniffing needs it: after the
// header, the file is a sequence of sectors, and the directory is a chain
// of sectors holding 128-byte entries. Every sector starts at a multiple
// of 512 bytes, so every directory entry starts at a multiple of 128.
const (
	oleDirEntryLen  = 128
	oleNameField    = 64   // UTF-16LE name, NUL-terminated, at entry offset 0
	oleNameLenAt    = 0x40 // uint16: name length in bytes, including the NUL
	oleTypeAt       = 0x42 // byte: 1 storage, 2 stream, 5 root storage
	oleTypeStream   = 2
	oleFirstSectors = 512 // header size of a version 3 file
)

// oleHasStream reports whether the compound file data has a directory
// entry for a stream named name (ASCII). Rather than follow the FAT chain
// of the directory, which a damaged file may break, it looks at every
// 128-byte aligned slot for a well-formed entry: the name, its declared
// length and the stream type must all agree, which text that merely
// mentions the name (document text is UTF-16LE too) does not produce at an
// aligned offset.
func oleHasStream(data []byte, name string) bool {
	want := make([]byte, 0, 2*len(name)+2)
	for i := 0; i < len(name); i++ {
		want = append(want, name[i], 0)
	}
	want = append(want, 0, 0)
	if len(want) > oleNameField {
		return false
	}
	for off := oleFirstSectors; off+oleDirEntryLen <= len(data); off += oleDirEntryLen {
		e := data[off : off+oleDirEntryLen]
		if !bytes.HasPrefix(e, want) {
			continue
		}
		if int(binary.LittleEndian.Uint16(e[oleNameLenAt:])) == len(want) && e[oleTypeAt] == oleTypeStream {
			return true
		}
	}
	return false
}
