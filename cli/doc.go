// Package cli is the program's command line: it decides from the arguments
// whether to open the desktop app or run one of the commands that make the
// same engine scriptable (demo-tenant, connect, status, export), and it runs
// those commands.
//
// Every command has the shape
//
//	func RunX(ctx context.Context, args []string, env Env) int
//
// and returns the process exit code: 0 for success, 1 when the work failed,
// 2 for bad usage or input. Side effects (standard streams, environment,
// keychain) come in through Env, so tests run commands in-process.
//
// The package never imports Fyne: main hands Run a function that opens the
// window, so the commands do not pay for the graphical stack.
package cli
