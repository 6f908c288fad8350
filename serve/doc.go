// Package serve is the local check page of nianbao serve: one web page
// where a town clerk who never opens a terminal chooses or drops a draft
// report (.docx, .doc, .wps, .pdf, .txt or .html) and sees its findings and its three tables
// drawn as in the template, the faulty cells highlighted, with a button
// that downloads the findings as a workbook.
//
// # Routes
//
//	GET  /                 the page (Chinese; ?lang=en for English)
//	GET  /assets/…         its script and style sheets, embedded in the binary
//	POST /api/check        multipart field "file" → the JSON of
//	                       nianbao check --format json for that one file
//	POST /api/check.xlsx   the same upload → the review workbook
//	POST /api/check.html   the same upload → the HTML fragment the page shows
//	GET  /healthz          {"status":"ok"} with the checks running and the
//	                       uploads admitted
//
// /api/check also answers ?format=xlsx and ?format=html. Every API route
// takes ?lang=zh|en. Errors are JSON, {"error": "…", "status": n}, with
// status 400 (not a multipart upload, no "file" field), 404 (no such
// page), 405 (a method the route does not take), 413 (larger than
// Options.MaxUpload), 503 (the server is busy, with Retry-After; or the
// check took longer than Options.Timeout) or 500.
//
// # Untrusted uploads
//
// A file is read from the request body into memory (the multipart reader
// is used part by part, so nothing is ever spooled to a temporary file),
// checked with lint.CheckBytes under the same parser.Limits as on the
// command line, and dropped when the response is written: the handler keeps
// nothing between requests. The body is capped with http.MaxBytesReader.
// Admission is decided before the body is read: a Content-Length over the
// limit gets 413, and when Options.Jobs+Options.Queue uploads are already
// being read, waiting or checked, the next gets 503 with Retry-After. At
// most Options.Jobs files are checked at once, so that a burst of uploads
// costs at most Jobs+Queue uploads' memory and Jobs checks'. When the last
// upload in has gone and one of them was large, the memory is given back
// to the operating system (Options.FreeAfter). Every request builds its own printer and options, so
// concurrent requests share no mutable state.
//
// The page loads nothing from the network (no fonts, no CDN) and works
// offline; its Content-Security-Policy allows only its own origin.
package serve
