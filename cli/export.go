package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/internal/wording"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/oauth"
)

const exportUsage = `Usage: entra-wizard export users|groups|members --name CONNECTION [--group ID] [--output FILE]

Writes the tenant's users, groups, or one group's members as CSV (RFC 4180,
a header row, the object id first), using a saved connection and its secrets
from the system keychain.

A secure LDAP connection (Entra Domain Services) exports the managed
domain's users, groups and members with the same columns where the domain
has them; its id column is each object's distinguished name, and --group
takes a group's distinguished name. Members include those whose primary
group it is (Domain Users).

Flags:
  --name CONNECTION   the saved connection to use (see: entra-wizard status)
  --group ID          the group whose members to export (members only); for
                      a secure LDAP connection, the group's DN
  --output FILE       write to FILE instead of standard output; the file
                      appears only once the export is complete

Progress goes to standard error.

Exit status: 0 exported, 1 the export failed, 2 bad usage.
`

// exportOptions are the arguments of "entra-wizard export".
type exportOptions struct {
	What   string // users, groups or members
	Name   string
	Group  string
	Output string
}

// RunExport runs "entra-wizard export".
func RunExport(ctx context.Context, args []string, env Env) int {
	return runExport(ctx, args, env, defaultConnectionDeps(env))
}

func runExport(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	env, flush := env.forTerminal()
	defer flush()
	opts, err := parseExportArgs(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(env.Stdout, exportUsage)
		return 0
	}
	if err != nil {
		return commandUsageError(env, "export", exportUsage, err)
	}
	export, closeExport, err := openExport(ctx, deps, opts, env)
	if err != nil {
		return exportFailed(env, err)
	}
	defer closeExport()
	out, finish, err := exportTarget(env.Stdout, opts.Output)
	if err != nil {
		return exportFailed(env, err)
	}
	n, err := export(out)
	if err = finish(err); err != nil {
		return exportFailed(env, err)
	}
	where := "standard output"
	if opts.Output != "" {
		where = opts.Output
	}
	fmt.Fprintf(env.Stderr, "Exported %s %s to %s.\n", wording.Thousands(n), opts.What, where)
	return 0
}

// parseExportArgs reads "users|groups|members" and the flags, in any order.
func parseExportArgs(args []string) (exportOptions, error) {
	var opts exportOptions
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opts.Name, "name", "", "")
	fs.StringVar(&opts.Group, "group", "", "")
	fs.StringVar(&opts.Output, "output", "", "")
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		opts.What, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return opts, err
	}
	rest := fs.Args()
	if opts.What == "" && len(rest) > 0 {
		opts.What, rest = rest[0], rest[1:]
		if err := fs.Parse(rest); err != nil {
			return opts, err
		}
		rest = fs.Args()
	}
	opts.Name, opts.Group = strings.TrimSpace(opts.Name), strings.TrimSpace(opts.Group)
	switch {
	case len(rest) > 0:
		return opts, fmt.Errorf("unexpected argument %q", rest[0])
	case opts.What == "":
		return opts, errors.New("say what to export: users, groups or members")
	case opts.What != "users" && opts.What != "groups" && opts.What != "members":
		return opts, fmt.Errorf("cannot export %q: choose users, groups or members", opts.What)
	case opts.Name == "":
		return opts, errors.New("--name is required: the saved connection to use")
	case opts.What == "members" && opts.Group == "":
		return opts, errors.New("--group is required to export members: the group's object ID (its DN for a secure LDAP connection)")
	case opts.What != "members" && opts.Group != "":
		return opts, errors.New("--group applies only to members")
	}
	return opts, nil
}

// openExport connects with the saved connection and returns what writes the
// chosen list: through secure LDAP for an LDAP connection, through
// Microsoft Graph for any other.
func openExport(ctx context.Context, deps connectionDeps, opts exportOptions, env Env) (func(io.Writer) (int, error), func(), error) {
	if store, p, ok := deps.savedLDAP(opts.Name); ok {
		dir, err := deps.engine(store, nil).OpenLDAP(ctx, p)
		if err != nil {
			return nil, nil, err
		}
		return func(w io.Writer) (int, error) { return exportLDAP(ctx, dir, opts, w, env.Stderr) }, func() { dir.Close() }, nil
	}
	client, err := deps.openGraph(ctx, opts.Name, func(err error) {
		fmt.Fprintf(env.Stderr, "entra-wizard export: %v\n", err)
	})
	if err != nil {
		return nil, nil, err
	}
	return func(w io.Writer) (int, error) {
		return exportTo(ctx, client, opts, w, progressLine(env.Stderr, opts.What))
	}, func() {}, nil
}

// exportTo streams the chosen list to w as CSV and returns how many rows it
// wrote.
func exportTo(ctx context.Context, c *graph.Client, opts exportOptions, w io.Writer, progress func(done, total int)) (int, error) {
	switch opts.What {
	case "users":
		return graph.ExportUsers(ctx, w, c.Users(graph.UserQuery{}), progress)
	case "groups":
		return graph.ExportGroups(ctx, w, c.Groups(graph.GroupQuery{}), progress)
	default:
		return graph.ExportMembers(ctx, w, c.Members(opts.Group, false), progress)
	}
}

// exportTarget opens where the CSV goes. With a file, rows go to a temporary
// file next to it that replaces it only when finish is given no error, so a
// failed export leaves no partial file.
func exportTarget(stdout io.Writer, path string) (io.Writer, func(error) error, error) {
	if path == "" {
		return stdout, func(err error) error { return err }, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	finish := func(err error) error {
		if cerr := tmp.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("cannot write %s: %w", path, cerr)
		}
		if err == nil {
			if rerr := os.Rename(tmp.Name(), path); rerr != nil {
				err = fmt.Errorf("cannot write %s: %w", path, rerr)
			}
		}
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
		return err
	}
	return tmp, finish, nil
}

// progressLine reports each page of a long export on w, e.g. "Exported 4,995
// of 20,000 users...". A list that fits on one page says nothing here.
func progressLine(w io.Writer, what string) func(done, total int) {
	return func(done, total int) {
		switch {
		case total < 0:
			fmt.Fprintf(w, "Exported %s %s...\n", wording.Thousands(done), what)
		case done < total:
			fmt.Fprintf(w, "Exported %s of %s %s...\n", wording.Thousands(done), wording.Thousands(total), what)
		}
	}
}

// exportFailed explains err on standard error and returns exit code 1.
func exportFailed(env Env, err error) int { return commandFailed(env, "export", err) }

// commandFailed explains why command failed on standard error, in plain
// words with the fix where there is one, and returns exit code 1.
func commandFailed(env Env, command string, err error) int {
	msg := err.Error()
	if e, ok := graph.AsError(err); ok {
		msg = e.Plain()
		if e.Action != "" {
			msg = "could not " + e.Action + ". " + msg
		}
	} else if e, ok := oauth.AsError(err); ok {
		msg = "signing in failed: " + e.Error()
		if e.Hint != "" {
			msg += ". " + e.Hint
		}
	} else if e, ok := ldapconn.AsError(err); ok {
		msg = e.Message + ". " + e.Hint
	} else if errors.Is(err, keystore.ErrNotFound) {
		msg += ". The saved connections are listed by: entra-wizard status"
	} else if h := saveHint(err); h != "" {
		msg += ". " + h
	}
	fmt.Fprintf(env.Stderr, "entra-wizard %s: %s\n", command, msg)
	return 1
}
