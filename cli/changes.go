package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/changefeed"
	"github.com/entra-wizard/entra-wizard/graph"
)

const changesUsage = `Usage: entra-wizard changes users|groups|all --name CONNECTION [--json] [--baseline]

Prints what changed in the tenant's users and groups since the last time this
command ran for the connection: users created, updated (and which properties)
or deleted; groups created, updated (including "members" for membership) or
deleted. It uses Microsoft Graph's change tracking, so only the changes are
downloaded. The first run records a baseline and prints nothing; the place is
kept beside the settings and moves on only once the changes were printed.

Flags:
  --name CONNECTION   the saved connection to use (see: entra-wizard status)
  --json              one JSON object per line:
                      {"type","id","displayName","changed","observedAt"}
  --baseline          forget the stored place and record a new baseline

If the stored place has expired (Microsoft Graph keeps it for 7 days), a new
baseline is recorded and the command says so.

Exit status: 0 done, 1 the changes could not be read, 2 bad usage.
`

// changesOptions are the arguments of "changes" and "watch".
type changesOptions struct {
	What     string // users, groups or all
	Name     string
	JSON     bool
	Baseline bool
	Interval time.Duration // watch only
}

func (o changesOptions) collections() []graph.Collection {
	switch o.What {
	case "users":
		return []graph.Collection{graph.Users}
	case "groups":
		return []graph.Collection{graph.Groups}
	}
	return []graph.Collection{graph.Users, graph.Groups}
}

// RunChanges runs "entra-wizard changes".
func RunChanges(ctx context.Context, args []string, env Env) int {
	return runChanges(ctx, args, env, defaultConnectionDeps(env))
}

func runChanges(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	env, flush := env.forTerminal()
	defer flush()
	opts, err := parseChangesArgs("changes", args, false)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(env.Stdout, changesUsage)
		return 0
	}
	if err != nil {
		return commandUsageError(env, "changes", changesUsage, err)
	}
	feed, err := deps.openFeed(ctx, opts.Name, "changes", env)
	if err != nil {
		return changesFailed(env, "changes", err)
	}
	reports, err := feed.Poll(ctx, opts.collections(), opts.Baseline, printChanges(env.Stdout, opts.JSON))
	describeReports(env.Stderr, reports)
	if err != nil {
		return changesFailed(env, "changes", err)
	}
	return 0
}

// parseChangesArgs reads "users|groups|all" and the flags, in any order.
func parseChangesArgs(command string, args []string, watch bool) (changesOptions, error) {
	var opts changesOptions
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opts.Name, "name", "", "")
	fs.BoolVar(&opts.JSON, "json", false, "")
	if watch {
		fs.DurationVar(&opts.Interval, "interval", time.Minute, "")
	} else {
		fs.BoolVar(&opts.Baseline, "baseline", false, "")
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		opts.What, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return opts, err
	}
	if opts.What == "" && fs.NArg() > 0 {
		opts.What = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return opts, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	switch {
	case opts.What != "users" && opts.What != "groups" && opts.What != "all":
		return opts, errors.New("say what to follow: users, groups or all")
	case strings.TrimSpace(opts.Name) == "":
		return opts, errors.New("--name is required: the saved connection to use")
	case watch && opts.Interval < time.Second:
		return opts, errors.New("--interval must be at least 1s")
	}
	return opts, nil
}

// openFeed opens the change feed of a saved Microsoft Graph connection, its
// place kept in the changes folder beside the settings.
func (d connectionDeps) openFeed(ctx context.Context, name, command string, env Env) (*changefeed.Feed, error) {
	store, client, err := d.openGraphOnly(ctx, name, command, "changes are followed", env)
	if err != nil {
		return nil, err
	}
	return &changefeed.Feed{
		Source:     client,
		Store:      changefeed.OpenStore(filepath.Dir(store.SettingsFile())),
		Connection: name,
		Reader:     changefeed.ReaderCLI,
		Round: graph.RoundOptions{OnRetry: func(err error, attempt int) {
			fmt.Fprintf(env.Stderr, "Microsoft Graph did not answer (%v); asking again (attempt %d)...\n", plainError(err), attempt+1)
		}},
	}, nil
}

// printChanges writes events as JSON lines or as aligned text. A failed
// write fails the delivery, so the feed keeps its place.
func printChanges(w io.Writer, asJSON bool) changefeed.Deliver {
	return func(changes []graph.Change) error {
		var b strings.Builder
		for _, c := range changes {
			if asJSON {
				line, err := json.Marshal(c)
				if err != nil {
					return err
				}
				b.Write(append(line, '\n'))
				continue
			}
			fmt.Fprintf(&b, "%s  %-13s  %s (%s)", c.ObservedAt.Format(time.RFC3339), c.Type, c.DisplayName, c.ID)
			if len(c.Changed) > 0 {
				fmt.Fprintf(&b, ": %s", strings.Join(c.Changed, ", "))
			}
			b.WriteByte('\n')
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
}

// describeReports tells, on standard error, about baselines and expired
// links: things a script reading standard output need not parse.
func describeReports(w io.Writer, reports []changefeed.Report) {
	for _, r := range reports {
		switch {
		case r.Expired:
			fmt.Fprintf(w, "The stored place in the %s changes had expired or was unknown to Microsoft Graph, so a new baseline of %d %s was recorded; changes made before now and since the last run are not shown.\n",
				r.Collection, r.Objects, r.Collection)
		case r.Baseline:
			fmt.Fprintf(w, "Recorded a baseline of %d %s (%d requests); the next run shows what changed from now on.\n",
				r.Objects, r.Collection, r.Requests)
		}
	}
}

func changesFailed(env Env, command string, err error) int {
	fmt.Fprintf(env.Stderr, "entra-wizard %s: %s\n", command, plainError(err))
	return 1
}

// plainError words an error for an administrator: Graph's and the sign-in
// service's errors with their hints.
func plainError(err error) string {
	if e, ok := graph.AsError(err); ok {
		msg := e.Plain()
		if e.Action != "" {
			msg = "could not " + e.Action + ". " + msg
		}
		return msg
	}
	return err.Error()
}
