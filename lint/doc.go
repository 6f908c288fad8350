// Package lint is the driver: it expands the paths it is given into report
// files, reads and checks each one in isolation with bounded concurrency,
// and returns one FileResult per file in a deterministic order. A file that
// cannot be read becomes a P0001 finding for that file; only a cancelled
// context stops the batch.
package lint
