package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/entra-wizard/entra-wizard/graph"
)

const resetPasswordUsage = `Usage: entra-wizard reset-password --name CONNECTION --user UPN|ID [--no-force-change] [--json]

Gives a user a new, generated password and prints it once on standard
output, and nothing else there: it is not kept or logged anywhere. By
default the user chooses their own at the next sign-in; the sign-ins made
with the old password end.

An administrator's password takes a Privileged Authentication Administrator
or a Global Administrator; a user synchronised from an on-premises Active
Directory has their password reset there.

Flags:
  --name CONNECTION   the saved connection to use (see: entra-wizard status)
  --user UPN|ID       the user, by user name (UPN) or object ID
  --no-force-change   let the user keep the new password
  --json              print {"id","displayName","userPrincipalName","password","mustChange"}

Exit status: 0 reset, 1 the reset failed, 2 bad usage.
`

const revokeSessionsUsage = `Usage: entra-wizard revoke-sessions --name CONNECTION --user UPN|ID

Signs a user out everywhere: every app and browser asks them to sign in
again (Microsoft says this can take a few minutes to reach every app).
Disabling sign-in alone leaves open sessions running until they end.

Flags:
  --name CONNECTION   the saved connection to use (see: entra-wizard status)
  --user UPN|ID       the user, by user name (UPN) or object ID

Exit status: 0 signed out, 1 it failed, 2 bad usage.
`

// helpdeskOptions are the arguments of reset-password and revoke-sessions.
type helpdeskOptions struct {
	Name, User    string
	NoForceChange bool
	JSON          bool
}

// parseHelpdeskArgs reads the flags of command; reset-password also takes
// --no-force-change and --json.
func parseHelpdeskArgs(command string, args []string) (helpdeskOptions, error) {
	var o helpdeskOptions
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.Name, "name", "", "")
	fs.StringVar(&o.User, "user", "", "")
	if command == "reset-password" {
		fs.BoolVar(&o.NoForceChange, "no-force-change", false, "")
		fs.BoolVar(&o.JSON, "json", false, "")
	}
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	o.Name, o.User = strings.TrimSpace(o.Name), strings.TrimSpace(o.User)
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case o.Name == "":
		return o, errors.New("--name is required: the saved connection to use")
	case o.User == "":
		return o, errors.New("--user is required: the user's user name (UPN) or object ID")
	}
	return o, nil
}

// RunResetPassword runs "entra-wizard reset-password".
func RunResetPassword(ctx context.Context, args []string, env Env) int {
	return runResetPassword(ctx, args, env, defaultConnectionDeps(env))
}

func runResetPassword(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	const command = "reset-password"
	return runHelpdesk(ctx, command, resetPasswordUsage, args, env, deps, func(c *graph.Client, u graph.User, o helpdeskOptions) int {
		if u.OnPremisesSync {
			return commandFailed(env, command, errors.New(graph.OnPremisesPasswordAdvice(u)))
		}
		password, err := graph.GeneratePassword()
		if err != nil {
			return commandFailed(env, command, err)
		}
		mustChange := !o.NoForceChange
		if err := c.ResetPassword(ctx, u, password, mustChange); err != nil {
			code := commandFailed(env, command, err)
			if errors.Is(err, graph.ErrDenied) {
				fmt.Fprintln(env.Stderr, graph.AdminPasswordAdvice(u))
			}
			return code
		}
		if o.JSON {
			return writeJSONLine(env, command, struct {
				ID                string `json:"id"`
				DisplayName       string `json:"displayName"`
				UserPrincipalName string `json:"userPrincipalName"`
				Password          string `json:"password"`
				MustChange        bool   `json:"mustChange"`
			}{u.ID, u.DisplayName, u.UserPrincipalName, password, mustChange})
		}
		fmt.Fprintln(env.Stdout, password)
		next := "They keep this password."
		if mustChange {
			next = "They choose their own at the next sign-in."
		}
		fmt.Fprintf(env.Stderr, "The password of %s (%s) was reset. %s Give them the password above; it is shown only now.\n",
			u.DisplayName, u.UserPrincipalName, next)
		return 0
	})
}

// RunRevokeSessions runs "entra-wizard revoke-sessions".
func RunRevokeSessions(ctx context.Context, args []string, env Env) int {
	return runRevokeSessions(ctx, args, env, defaultConnectionDeps(env))
}

func runRevokeSessions(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	const command = "revoke-sessions"
	return runHelpdesk(ctx, command, revokeSessionsUsage, args, env, deps, func(c *graph.Client, u graph.User, _ helpdeskOptions) int {
		if err := c.RevokeSessions(ctx, u.ID); err != nil {
			return commandFailed(env, command, err)
		}
		fmt.Fprintf(env.Stdout, "%s (%s) is signed out everywhere: apps and browsers ask them to sign in again within a few minutes.\n",
			u.DisplayName, u.UserPrincipalName)
		return 0
	})
}

// runHelpdesk parses a helpdesk command's flags, opens the saved
// connection, reads the user and runs act on them.
func runHelpdesk(ctx context.Context, command, usage string, args []string, env Env, deps connectionDeps,
	act func(*graph.Client, graph.User, helpdeskOptions) int) int {
	env, flush := env.forTerminal()
	defer flush()
	o, err := parseHelpdeskArgs(command, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(env.Stdout, usage)
		return 0
	}
	if err != nil {
		return commandUsageError(env, command, usage, err)
	}
	c, err := deps.openGraph(ctx, o.Name, func(err error) {
		fmt.Fprintf(env.Stderr, "entra-wizard %s: %v\n", command, err)
	})
	if err != nil {
		return commandFailed(env, command, err)
	}
	u, err := c.User(ctx, o.User)
	if err != nil {
		return commandFailed(env, command, err)
	}
	return act(c, u, o)
}

// writeJSONLine prints v as one line of JSON on standard output.
func writeJSONLine(env Env, command string, v any) int {
	if err := json.NewEncoder(env.Stdout).Encode(v); err != nil {
		return commandFailed(env, command, err)
	}
	return 0
}
