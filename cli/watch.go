package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/entra-wizard/entra-wizard/graph"
)

const watchUsage = `Usage: entra-wizard watch users|groups|all --name CONNECTION [--json] [--interval 60s]

Keeps asking Microsoft Graph what changed in the tenant's users and groups,
printing each change as it arrives (like "entra-wizard changes"), until
interrupted (Ctrl+C). The first look records a baseline if there is none.
Throttling and network faults are waited out: the stored place moves on only
once changes were printed, so none is lost or printed twice.

Flags:
  --name CONNECTION   the saved connection to use (see: entra-wizard status)
  --json              one JSON object per line:
                      {"type","id","displayName","changed","observedAt"}
  --interval DURATION how long to wait between looks (default 60s)

Exit status: 0 interrupted, 1 the connection cannot read changes, 2 bad usage.
`

// RunWatch runs "entra-wizard watch".
func RunWatch(ctx context.Context, args []string, env Env) int {
	return runWatch(ctx, args, env, defaultConnectionDeps(env))
}

func runWatch(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	env, flush := env.forTerminal()
	defer flush()
	opts, err := parseChangesArgs("watch", args, true)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(env.Stdout, watchUsage)
		return 0
	}
	if err != nil {
		return commandUsageError(env, "watch", watchUsage, err)
	}
	feed, err := deps.openFeed(ctx, opts.Name, "watch", env)
	if err != nil {
		return changesFailed(env, "watch", err)
	}
	deliver := printChanges(env.Stdout, opts.JSON)
	for {
		reports, err := feed.Poll(ctx, opts.collections(), false, deliver)
		describeReports(env.Stderr, reports)
		switch {
		case ctx.Err() != nil:
			return 0
		case errors.Is(err, graph.ErrDenied):
			return changesFailed(env, "watch", err)
		case err != nil:
			// Anything else may pass: try again at the next look, from the
			// same place.
			fmt.Fprintf(env.Stderr, "entra-wizard watch: %s; trying again in %s\n", plainError(err), opts.Interval)
		}
		t := time.NewTimer(opts.Interval)
		select {
		case <-ctx.Done():
			t.Stop()
			return 0
		case <-t.C:
		}
	}
}
