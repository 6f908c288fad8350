// Package report prints lint results for people (text) and for programs
// (JSON), in Chinese by default or in English, through one
// golang.org/x/text/message catalogue.
//
// The JSON shapes are a contract documented in the README: later versions
// add fields, never remove or rename them.
package report
