// Command leverage measures, explains and stress-tests the leverage states
// hold over each other. Run `leverage --help` for the commands.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/leverage-dev/leverage/internal/command/root"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := root.Main(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
