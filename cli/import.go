package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/entra-wizard/entra-wizard/internal/wording"
	"github.com/entra-wizard/entra-wizard/userimport"
)

const importUsage = `Usage: entra-wizard import users --name CONNECTION --file FILE.csv [--dry-run] [--passwords-out FILE] [--json]

Creates the users of a CSV file in the format of the Microsoft Entra admin
center's bulk-create template (Users > Bulk operations > Bulk create >
Download): its "version:v1.0" line may be there or not, the headings may be
the template's ("Name [displayName] Required") or just the names in
brackets, and the file may be UTF-8 or Excel's Unicode Text, separated by
commas, semicolons or tabs.

Every row is checked before anything is sent; rows with a problem are
reported and skipped. Users that already exist are reported as such and
left alone, so running the same file again creates nobody twice. An empty
password is generated, and generated passwords are written only to the
--passwords-out file, readable by you only.

Flags:
  --name CONNECTION     the saved connection to use (see: entra-wizard status)
  --file FILE           the CSV file of users to create
  --dry-run             check every row against the tenant, create nothing
  --passwords-out FILE  where the generated passwords go; needed when a row
                        has no password
  --json                print a JSON array, one object per row

Exit status: 0 every row was created or already existed (with --dry-run:
every row is ready or exists), 1 some row is invalid or failed, 2 bad
usage, a file that cannot be read, or generated passwords with nowhere to
go.
`

// importOptions are the arguments of "entra-wizard import users".
type importOptions struct {
	Name, File, PasswordsOut string
	DryRun, JSON             bool
}

// importRow is one row of import's --json output.
type importRow struct {
	Line              int    `json:"line"`
	UserPrincipalName string `json:"userPrincipalName"`
	DisplayName       string `json:"displayName"`
	Status            string `json:"status"`
	Message           string `json:"message"`
	PasswordGenerated bool   `json:"passwordGenerated"`
}

// RunImport runs "entra-wizard import users".
func RunImport(ctx context.Context, args []string, env Env) int {
	return runImport(ctx, args, env, defaultConnectionDeps(env))
}

func runImport(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	env, flush := env.forTerminal()
	defer flush()
	opts, err := parseImportArgs(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(env.Stdout, importUsage)
		return 0
	}
	if err != nil {
		return commandUsageError(env, "import", importUsage, err)
	}
	im, err := readImportFile(opts.File)
	if err != nil {
		return commandUsageError(env, "import", "", err)
	}
	if len(im.NotImported) > 0 {
		fmt.Fprintf(env.Stderr, "Not imported (set them later in the admin center): %s.\n", strings.Join(im.NotImported, ", "))
	}
	client, err := deps.openGraph(ctx, opts.Name, func(err error) {
		fmt.Fprintf(env.Stderr, "entra-wizard import: %v\n", err)
	})
	if err != nil {
		return commandFailed(env, "import", err)
	}
	if err := im.Check(ctx, client, importProgress(env.Stderr, "Checked")); err != nil {
		return commandFailed(env, "import", err)
	}
	if !opts.DryRun {
		if err := reservePasswords(im, opts); err != nil {
			return commandUsageError(env, "import", "", err)
		}
		if err := im.Create(ctx, client, importProgress(env.Stderr, "Sent")); err != nil {
			return commandFailed(env, "import", err)
		}
	}
	if err := writeImportRows(env.Stdout, im, opts.JSON); err != nil {
		return commandFailed(env, "import", err)
	}
	return importSummary(env.Stderr, im, opts)
}

// reservePasswords makes sure generated passwords can be kept before anyone
// is created: without --passwords-out they would be lost.
func reservePasswords(im *userimport.Import, opts importOptions) error {
	if !im.NeedsPasswords() {
		return nil
	}
	if opts.PasswordsOut == "" {
		return errors.New("some rows have no password, so passwords would be generated and then lost: " +
			"say where to keep them with --passwords-out FILE (nothing was created)")
	}
	if err := userimport.ReservePasswordsFile(opts.PasswordsOut); err != nil {
		return fmt.Errorf("%w (nothing was created)", err)
	}
	return nil
}

// readImportFile reads and checks the file's rows on their own.
func readImportFile(path string) (*userimport.Import, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	defer f.Close()
	im, err := userimport.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return im, nil
}

func parseImportArgs(args []string) (importOptions, error) {
	var opts importOptions
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opts.Name, "name", "", "")
	fs.StringVar(&opts.File, "file", "", "")
	fs.StringVar(&opts.PasswordsOut, "passwords-out", "", "")
	fs.BoolVar(&opts.DryRun, "dry-run", false, "")
	fs.BoolVar(&opts.JSON, "json", false, "")
	var what string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		what, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return opts, err
	}
	rest := fs.Args()
	if what == "" && len(rest) > 0 {
		what, rest = rest[0], rest[1:]
		if err := fs.Parse(rest); err != nil {
			return opts, err
		}
		rest = fs.Args()
	}
	opts.Name = strings.TrimSpace(opts.Name)
	switch {
	case len(rest) > 0:
		return opts, fmt.Errorf("unexpected argument %q", rest[0])
	case what == "":
		return opts, errors.New("say what to import: users")
	case what != "users":
		return opts, fmt.Errorf("cannot import %q: only users can be imported", what)
	case opts.Name == "":
		return opts, errors.New("--name is required: the saved connection to use")
	case opts.File == "":
		return opts, errors.New("--file is required: the CSV file of users to create")
	}
	return opts, nil
}

// importProgress reports long runs on w, e.g. "Checked 200 of 10,000 rows...".
func importProgress(w io.Writer, did string) func(done, total int) {
	return func(done, total int) {
		if total > 20 && done < total {
			fmt.Fprintf(w, "%s %s of %s rows...\n", did, wording.Thousands(done), wording.Thousands(total))
		}
	}
}

// writeImportRows prints one line per row, or a JSON array. Passwords are
// never printed.
func writeImportRows(w io.Writer, im *userimport.Import, asJSON bool) error {
	if asJSON {
		rows := make([]importRow, len(im.Rows))
		for i, r := range im.Rows {
			rows[i] = importRow{Line: r.Line, UserPrincipalName: r.User.UserPrincipalName, DisplayName: r.User.DisplayName,
				Status: r.Status.String(), Message: r.Message(), PasswordGenerated: r.GeneratePassword && r.Status == userimport.Created}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	for _, r := range im.Rows {
		name := r.User.UserPrincipalName
		if name == "" {
			name = "(no user name)"
		}
		if _, err := fmt.Fprintf(w, "line %d\t%s\t%s\n", r.Line, name, r.Message()); err != nil {
			return err
		}
	}
	return nil
}

// importSummary counts the rows on w, says where the passwords are, and
// returns the exit code.
func importSummary(w io.Writer, im *userimport.Import, opts importOptions) int {
	n := im.Counts()
	if opts.DryRun {
		fmt.Fprintf(w, "Checked %s rows, nothing created: %s ready, %s already exist, %s with problems.\n",
			wording.Thousands(len(im.Rows)), wording.Thousands(n[userimport.Ready]), wording.Thousands(n[userimport.Exists]),
			wording.Thousands(n[userimport.Invalid]))
	} else {
		fmt.Fprintf(w, "Created %s users; %s already existed, %s rows have problems, %s failed.\n",
			wording.Thousands(n[userimport.Created]), wording.Thousands(n[userimport.Exists]),
			wording.Thousands(n[userimport.Invalid]), wording.Thousands(n[userimport.Failed]))
		if im.GeneratedPasswords() > 0 {
			written, err := im.WritePasswords(opts.PasswordsOut)
			if err != nil {
				fmt.Fprintf(w, "entra-wizard import: %v\n", err)
				return 1
			}
			fmt.Fprintf(w, "The %s generated passwords are in %s (readable by you only); the users must change them at their first sign-in.\n",
				wording.Thousands(written), opts.PasswordsOut)
		}
	}
	if n[userimport.Invalid]+n[userimport.Failed] > 0 {
		return 1
	}
	return 0
}
