package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"

	"github.com/entra-wizard/entra-wizard/buildinfo"
	"github.com/entra-wizard/entra-wizard/demotenant"
)

// Env is what a command may touch outside itself. main fills it with the
// process's real streams and environment; tests fill it with buffers.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads an environment variable; nil means an empty environment.
	Getenv func(string) string
}

// getenv reads key through Getenv, treating a nil Getenv as an empty
// environment.
func (e Env) getenv(key string) string {
	if e.Getenv == nil {
		return ""
	}
	return e.Getenv(key)
}

// GUIOptions says how to open the desktop app.
type GUIOptions struct {
	// Demo connects the app to a demo tenant started in-process.
	Demo bool
	// Scenario is the demo tenant's scenario; "" means the default one.
	Scenario string
}

// GUI opens the desktop app and returns the exit code once its window has
// closed. main supplies it, so this package does not depend on Fyne.
type GUI func(ctx context.Context, opts GUIOptions) int

// NoDisplayMessage is what the program says instead of opening a window when
// no graphical display is reachable.
const NoDisplayMessage = "No graphical display found. Run the app from a desktop session, " +
	"or headless with: xvfb-run -a entra-wizard --demo"

// Run runs the program with the arguments that follow its name and returns
// the process exit code. Without a command it opens the desktop app through
// gui; with one it runs that command. Unknown commands and flags print the
// usage text to Stderr and return 2 without opening a window.
func Run(ctx context.Context, args []string, env Env, gui GUI) int {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return runCommand(ctx, args[0], args[1:], env)
	}
	opts, code, ok := parseAppFlags(args, env)
	if !ok {
		return code
	}
	if !hasDisplay(runtime.GOOS, env.getenv) {
		fmt.Fprintln(env.Stderr, NoDisplayMessage)
		return 1
	}
	return gui(ctx, opts)
}

// command is the shape every subcommand shares.
type command func(ctx context.Context, args []string, env Env) int

// lookup finds the command called name.
func lookup(name string) (command, bool) {
	switch name {
	case "connect":
		return RunConnect, true
	case "status":
		return RunStatus, true
	case "export":
		return RunExport, true
	case "import":
		return RunImport, true
	case "changes":
		return RunChanges, true
	case "watch":
		return RunWatch, true
	case "demo-tenant":
		return RunDemoTenant, true
	case "setup":
		return RunSetup, true
	case "renew", "renew-secret":
		return RunRenew, true
	case "reset-password":
		return RunResetPassword, true
	case "revoke-sessions":
		return RunRevokeSessions, true
	case "offboard":
		return RunOffboard, true
	}
	return nil, false
}

func runCommand(ctx context.Context, name string, args []string, env Env) int {
	if name == "help" {
		if len(args) == 0 {
			writeUsage(env.Stdout)
			return 0
		}
		if cmd, ok := lookup(args[0]); ok {
			return cmd(ctx, []string{"--help"}, env)
		}
		name = args[0]
	}
	cmd, ok := lookup(name)
	if !ok {
		fmt.Fprintf(env.Stderr, "entra-wizard: unknown command %q\n\n", name)
		writeUsage(env.Stderr)
		return 2
	}
	return cmd(ctx, args, env)
}

// parseAppFlags reads the flags the desktop app accepts. When ok is false the
// caller returns code at once: 0 after --help or --version, 2 after bad usage.
func parseAppFlags(args []string, env Env) (opts GUIOptions, code int, ok bool) {
	fs := flag.NewFlagSet("entra-wizard", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&opts.Demo, "demo", false, "")
	fs.StringVar(&opts.Scenario, "scenario", "", "")
	version := fs.Bool("version", false, "")
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		writeUsage(env.Stdout)
		return opts, 0, false
	case err != nil:
		return opts, usageError(env, err.Error()), false
	case fs.NArg() > 0:
		return opts, usageError(env, fmt.Sprintf("unexpected argument %q", fs.Arg(0))), false
	case *version:
		fmt.Fprint(env.Stdout, buildinfo.Read())
		return opts, 0, false
	case opts.Scenario != "" && !opts.Demo:
		return opts, usageError(env, "--scenario only applies with --demo"), false
	case opts.Scenario != "" && !slices.Contains(demotenant.Scenarios, opts.Scenario):
		return opts, usageError(env, fmt.Sprintf("unknown scenario %q: choose one of %s",
			opts.Scenario, scenarioList())), false
	}
	return opts, 0, true
}

// usageError reports bad usage followed by the usage text and returns the
// exit code for it.
func usageError(env Env, problem string) int {
	fmt.Fprintf(env.Stderr, "entra-wizard: %s\n\n", problem)
	writeUsage(env.Stderr)
	return 2
}

// hasDisplay reports whether a graphical display is reachable. On Linux and
// the BSDs the window needs an X11 or Wayland display named in the
// environment; the other systems always have one.
func hasDisplay(goos string, getenv func(string) string) bool {
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != ""
	}
	return true
}

// scenarioList names the demo tenant's scenarios for messages.
func scenarioList() string {
	return strings.Join(demotenant.Scenarios, ", ")
}
