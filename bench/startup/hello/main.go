// Command hello is the yardstick of bench/startup.sh: a Go program that
// starts, prints a line and exits.
package main

import "os"

func main() { os.Stdout.WriteString("hello\n") }
