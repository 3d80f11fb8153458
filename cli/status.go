package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sync"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
)

const statusUsage = `Usage: entra-wizard status [--name NAME] [--json]

Tests the saved connections (or only the one called NAME) with their secrets
from the system keychain, and says what each can do. Browser sign-ins are
renewed with their saved refresh token, and a renewed token is saved again.
Secure LDAP connections run their checklist: name, port, certificate (against
the trusted fingerprint), bind and search.

Flags:
  --name NAME   test only this connection
  --json        print a JSON array with one object per connection

Exit status: 0 every tested connection works, 1 one or more do not (or none
is saved), 2 bad usage.
`

// statusResult is one tested connection: an Entra ID connection or a
// secure LDAP one, each with its own JSON shape.
type statusResult interface {
	passed() bool
	writeText(w io.Writer)
}

// statusOptions are the flags of "entra-wizard status".
type statusOptions struct {
	Name string
	JSON bool
}

// RunStatus runs "entra-wizard status": it tests saved connections, like
// "gh auth status".
func RunStatus(ctx context.Context, args []string, env Env) int {
	return runStatus(ctx, args, env, defaultConnectionDeps(env))
}

func runStatus(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	env, flush := env.forTerminal()
	defer flush()
	var opts statusOptions
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opts.Name, "name", "", "")
	fs.BoolVar(&opts.JSON, "json", false, "")
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, statusUsage)
		return 0
	case err != nil:
		return commandUsageError(env, "status", statusUsage, err)
	case fs.NArg() > 0:
		return commandUsageError(env, "status", statusUsage, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}

	store, err := deps.openStore()
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard status: %v\n", err)
		return 1
	}
	profiles, err := statusProfiles(store, opts.Name)
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard status: %v\n", err)
		return 1
	}
	results := make([]statusResult, len(profiles))
	for i, p := range profiles {
		if p.IsLDAP() {
			results[i] = deps.testSavedLDAP(ctx, store, p)
			continue
		}
		results[i] = deps.testSaved(ctx, store, p)
	}
	code := 0
	if len(results) == 0 {
		code = 1
	}
	for _, r := range results {
		if !r.passed() {
			code = 1
		}
	}
	if opts.JSON {
		writeJSON(env.Stdout, results)
		return code
	}
	if len(results) == 0 {
		fmt.Fprintln(env.Stdout, "No connections are saved yet. Add one with the app, or with: entra-wizard connect --help")
	}
	for i, r := range results {
		if i > 0 {
			fmt.Fprintln(env.Stdout)
		}
		r.writeText(env.Stdout)
	}
	return code
}

// statusProfiles returns the connections to test: all, or the one named.
func statusProfiles(store *keystore.Store, name string) ([]keystore.Profile, error) {
	if name == "" {
		return store.List()
	}
	p, err := store.Get(name)
	if err != nil {
		return nil, err
	}
	return []keystore.Profile{p}, nil
}

// testSaved tests a saved connection with its secrets from the keychain. A
// browser sign-in's refresh token is renewed, and the rotated one saved.
func (d connectionDeps) testSaved(ctx context.Context, store *keystore.Store, p keystore.Profile) connectionResult {
	var (
		mu       sync.Mutex
		notSaved error
	)
	t := connectionTarget{profile: p}
	c, err := d.engine(store, func(err error) {
		mu.Lock()
		defer mu.Unlock()
		notSaved = err
	}).Open(ctx, p.Name)
	if err != nil {
		res := resultOf(t, graph.Report{Err: err})
		if hint := saveHint(err); hint != "" {
			res.Error.Hint = hint
		}
		return res
	}
	res := resultOf(t, c.Check(ctx))
	mu.Lock()
	defer mu.Unlock()
	if notSaved != nil {
		res.notes = append(res.notes, notSaved.Error())
	}
	return res
}
