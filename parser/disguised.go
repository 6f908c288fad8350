package parser

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Files named .doc, .wps or .docx are often something else. Government
// sites and office systems offer a "Word" download that is a web page
// (Word's "save as web page", or a CMS export), a MIME HTML file (Word's
// "single file web page", .mht), an RTF file, or Word 2003 XML (the
// output of the template engines of many office systems); Word opens them
// all, so their senders do not know. The content decides, never the name:
// web pages and MIME HTML are read by the HTML reader, RTF by the RTF
// reader; Word XML gets advice naming what the file is.

// ErrWordXML is returned for a Word 2003 XML or flat-package XML file.
var ErrWordXML = fmt.Errorf("%w: a Word XML file", ErrUnsupportedFormat)

// parseDisguised reads data, a file named as a Word document (ext) whose
// bytes are neither a zip package nor an OLE compound file.
func parseDisguised(ctx context.Context, path string, data []byte, lim Limits, ext string) (*Document, error) {
	head := sniffHead(data)
	switch {
	case bytes.HasPrefix(head, []byte(`{\rtf`)):
		return parseRTF(ctx, path, data, lim)
	case isWordXML(head):
		return nil, fmt.Errorf("%s: %w", path, ErrWordXML)
	case isMHT(head):
		page, err := mhtHTML(data, lim)
		if err != nil {
			return nil, err
		}
		return parseHTML(ctx, path, page, lim)
	case isHTMLish(head):
		return parseHTML(ctx, path, data, lim)
	case ext == ".docx":
		return parseDocx(ctx, path, data, lim) // reports the damage
	}
	return nil, fmt.Errorf("%w: %s", ErrUnsupportedFormat, ext)
}

// sniffHead returns the first bytes of data after a UTF-8 byte order mark
// and white space, lower-cased.
func sniffHead(data []byte) []byte {
	data = bytes.TrimPrefix(data, bomUTF8)
	data = bytes.TrimLeft(data, " \t\r\n\f")
	return bytes.ToLower(data[:min(len(data), 1024)])
}

// isWordXML reports whether head starts a Word 2003 XML document
// (<w:wordDocument>) or a flat Office Open XML package (<pkg:package>),
// both marked by the mso-application processing instruction.
func isWordXML(head []byte) bool {
	return bytes.HasPrefix(head, []byte("<?xml")) &&
		(bytes.Contains(head, []byte("word.document")) ||
			bytes.Contains(head, []byte("<w:worddocument")) ||
			bytes.Contains(head, []byte("<pkg:package")))
}

// isHTMLish reports whether head starts like markup of a web page: what
// looksLikeHTML accepts, or a tag of a page fragment (exports often begin
// with <meta>, <head>, <body>, <div>, <table> or <p>).
func isHTMLish(head []byte) bool {
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) {
		return true
	}
	for _, tag := range []string{"<meta", "<head", "<body", "<div", "<table", "<p>", "<p ", "<style", "<title"} {
		if bytes.HasPrefix(head, []byte(tag)) {
			return true
		}
	}
	return false
}

// isMHT reports whether head starts a MIME message holding a web page: a
// header block with MIME-Version and a multipart/related or text/html
// Content-Type.
func isMHT(head []byte) bool {
	end := bytes.Index(head, []byte("\n\n"))
	if e := bytes.Index(head, []byte("\r\n\r\n")); e >= 0 && (end < 0 || e < end) {
		end = e
	}
	if end < 0 {
		end = len(head)
	}
	h := head[:end]
	return bytes.Contains(h, []byte("mime-version:")) &&
		(bytes.Contains(h, []byte("multipart/related")) || bytes.Contains(h, []byte("text/html")))
}

// maxMHTParts bounds the parts of a MIME HTML file: a report page has its
// page and some images and style sheets.
const maxMHTParts = 1000

// mhtHTML returns the web page of a MIME HTML file: its first text/html
// part, the transfer encoding (quoted-printable, base64) undone and the
// text converted to UTF-8 from the part's charset, so that the HTML
// reader, which trusts valid UTF-8, reads it whatever its <meta> says.
// What is read is bounded by lim.MaxInflatedBytes.
func mhtHTML(data []byte, lim Limits) ([]byte, error) {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(bytes.TrimPrefix(data, bomUTF8))))
	hdr, err := tp.ReadMIMEHeader()
	if err != nil && len(hdr) == 0 {
		return nil, fmt.Errorf("%w: MIME HTML header: %v", ErrCorrupt, err)
	}
	mt, params, err := mime.ParseMediaType(hdr.Get("Content-Type"))
	if err != nil {
		return nil, fmt.Errorf("%w: MIME HTML Content-Type: %v", ErrCorrupt, err)
	}
	if mt == "text/html" {
		return decodePart(tp.R, hdr, params["charset"], lim)
	}
	if !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return nil, fmt.Errorf("%w: MIME file of type %s holds no web page", ErrUnsupportedFormat, mt)
	}
	mr := multipart.NewReader(tp.R, params["boundary"])
	for i := 0; i < maxMHTParts; i++ {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: MIME HTML part: %v", ErrCorrupt, err)
		}
		pt, pp, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if err != nil || pt != "text/html" {
			continue
		}
		return decodePart(p, textproto.MIMEHeader(p.Header), pp["charset"], lim)
	}
	return nil, fmt.Errorf("%w: MIME file without a web page", ErrUnsupportedFormat)
}

// decodePart reads one MIME part's body within lim, undoes its transfer
// encoding and converts it to UTF-8 from charset (GB2312 and GBK as their
// superset GB18030; no charset or an unknown one: left as it is, for the
// HTML reader's own detection).
func decodePart(r io.Reader, h textproto.MIMEHeader, charset string, lim Limits) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r) // line ends are skipped
	}
	body, err := io.ReadAll(io.LimitReader(r, lim.MaxInflatedBytes+1))
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = nil // a download cut short: what arrived is read (and C1015 says where it ends)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: MIME HTML body: %v", ErrCorrupt, err)
	}
	if int64(len(body)) > lim.MaxInflatedBytes {
		return nil, limitErr(LimitInflated, lim.MaxInflatedBytes)
	}
	switch cs := strings.ToLower(charset); cs {
	case "", "utf-8", "utf8", "us-ascii":
		return body, nil
	case "gb2312", "gbk", "gb18030", "x-gbk", "cp936":
		return simplifiedchinese.GB18030.NewDecoder().Bytes(body)
	default:
		enc, err := htmlindex.Get(cs)
		if err != nil {
			return body, nil
		}
		return enc.NewDecoder().Bytes(body)
	}
}
