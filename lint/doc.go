// Package lint is the driver: it expands the paths it is given into report
// files, reads and checks each one in isolation with bounded concurrency,
// and returns one FileResult per file in a deterministic order. A file that
// cannot be read becomes a P0001 finding for that file; only a cancelled
// context stops the batch.
//
// What is checked is the rules' business. For the cross-file rules the
// driver makes each report's rules.Digest in its workers, keeps the
// digests (their texts in the batch's temporary file under Options.Spill)
// and hands them to rules.BatchPlan.Run at the end of the batch. Besides
// that it reads the configuration file (config.go), keeps a batch's
// results in a temporary file (spill.go) and adds up district totals
// (aggregate.go).
package lint
