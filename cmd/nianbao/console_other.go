//go:build !windows

package main

// ownConsole reports whether nianbao has a console window of its own
// (started by a double-click on Windows): never, outside Windows.
func ownConsole() bool { return false }
