package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/entra-wizard/entra-wizard/offboard"
)

const offboardUsage = `Usage: entra-wizard offboard --name CONNECTION --user UPN|ID [--dry-run] [--keep STEP,...] [--json]
       entra-wizard offboard --undo --name CONNECTION --user UPN|ID

Takes a leaving user's access away, in this order:
  block-sign-in      block sign-in to the account
  sign-out           sign them out everywhere (end every session)
  reset-password     set a temporary password, printed once
  remove-licenses    remove every license assigned to them
  remove-groups      remove them from every group they are a direct member of
  remove-ownerships  remove them as owner of the groups they own

Before it removes anything it saves, beside the settings, a record of the
licenses, groups and ownerships it takes. Running it again finishes what
failed or was interrupted; steps already done count as done. --undo puts back
exactly what the record says was removed and allows sign-in again, then
removes the record. A reset password and ended sessions cannot be given back.

Flags:
  --name CONNECTION   the saved connection to use (see: entra-wizard status)
  --user UPN|ID       the user's user principal name or object ID
  --dry-run           show what would be done, and change nothing
  --keep STEP,...     steps not to do, by the names above
  --json              print the outcome as one JSON object
  --undo              undo the user's offboarding

Exit status: 0 done, 1 a step (or part of the undo) failed, 2 bad usage.
`

// offboardOptions are the arguments of "offboard".
type offboardOptions struct {
	Name, User string
	DryRun     bool
	Keep       []offboard.Step
	JSON       bool
	Undo       bool
}

// RunOffboard runs "entra-wizard offboard".
func RunOffboard(ctx context.Context, args []string, env Env) int {
	return runOffboard(ctx, args, env, defaultConnectionDeps(env))
}

func runOffboard(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	env, flush := env.forTerminal()
	defer flush()
	opts, err := parseOffboardArgs(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(env.Stdout, offboardUsage)
		return 0
	}
	if err != nil {
		return commandUsageError(env, "offboard", offboardUsage, err)
	}
	off, err := deps.openOffboarder(ctx, opts.Name, env)
	if err != nil {
		return changesFailed(env, "offboard", err)
	}
	if opts.Undo {
		return undoOffboarding(ctx, off, opts, env)
	}
	plan, err := off.Preview(ctx, opts.User)
	if err != nil {
		return changesFailed(env, "offboard", err)
	}
	var chosen []offboard.Step
	for _, s := range offboard.Steps {
		if !slices.Contains(opts.Keep, s) {
			chosen = append(chosen, s)
		}
	}
	if opts.DryRun {
		return printPlan(env, plan, chosen, opts.JSON)
	}
	res, err := off.Run(ctx, plan, chosen, func(p offboard.Progress) {
		fmt.Fprintf(env.Stderr, "[%d/%d] %s\n", p.Index, p.Of, p.Description)
	})
	if res != nil {
		printResult(env, plan, res, opts.JSON)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard offboard: stopped: %s; run it again to finish\n", plainError(err))
		return 1
	}
	if res.Failed() {
		fmt.Fprintln(env.Stderr, "entra-wizard offboard: some steps failed; run it again to finish what is left")
		return 1
	}
	return 0
}

func parseOffboardArgs(args []string) (offboardOptions, error) {
	var opts offboardOptions
	var keep string
	fs := flag.NewFlagSet("offboard", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opts.Name, "name", "", "")
	fs.StringVar(&opts.User, "user", "", "")
	fs.BoolVar(&opts.DryRun, "dry-run", false, "")
	fs.StringVar(&keep, "keep", "", "")
	fs.BoolVar(&opts.JSON, "json", false, "")
	fs.BoolVar(&opts.Undo, "undo", false, "")
	if err := fs.Parse(args); err != nil {
		return opts, err
	}
	if fs.NArg() > 0 {
		return opts, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	var err error
	if opts.Keep, err = offboard.ParseSteps(keep); err != nil {
		return opts, err
	}
	switch {
	case strings.TrimSpace(opts.Name) == "":
		return opts, errors.New("--name is required: the saved connection to use")
	case strings.TrimSpace(opts.User) == "":
		return opts, errors.New("--user is required: the user principal name or object ID of the user")
	case opts.Undo && (opts.DryRun || keep != ""):
		return opts, errors.New("--undo puts back everything the record holds; it takes neither --dry-run nor --keep")
	}
	return opts, nil
}

// openOffboarder opens a saved Microsoft Graph connection with the
// offboarding records kept beside the settings.
func (d connectionDeps) openOffboarder(ctx context.Context, name string, env Env) (*offboard.Offboarder, error) {
	store, client, err := d.openGraphOnly(ctx, name, "offboard", "offboarding works", env)
	if err != nil {
		return nil, err
	}
	return &offboard.Offboarder{Client: client, Store: offboard.OpenStore(filepath.Dir(store.SettingsFile())), Connection: name}, nil
}

// stepReport is one step of --json output.
type stepReport struct {
	Step    offboard.Step   `json:"step"`
	Status  offboard.Status `json:"status"`
	Already bool            `json:"already,omitempty"`
	// Pending (dry run) names what the step would remove.
	Pending []string `json:"pending,omitempty"`
	Removed []string `json:"removed,omitempty"`
	Failed  []string `json:"failed,omitempty"`
	Error   string   `json:"error,omitempty"`
}

// offboardReport is the --json output of offboard.
type offboardReport struct {
	User struct {
		ID                string `json:"id"`
		UserPrincipalName string `json:"userPrincipalName"`
		DisplayName       string `json:"displayName"`
	} `json:"user"`
	DryRun            bool         `json:"dryRun"`
	Resumed           bool         `json:"resumed"`
	Steps             []stepReport `json:"steps"`
	TemporaryPassword string       `json:"temporaryPassword,omitempty"`
}

func newOffboardReport(plan *offboard.Plan) offboardReport {
	var r offboardReport
	r.User.ID, r.User.UserPrincipalName, r.User.DisplayName = plan.User.ID, plan.User.UserPrincipalName, plan.User.DisplayName
	r.Resumed = plan.Resuming
	return r
}

// printPlan shows what a run would do, changing nothing.
func printPlan(env Env, plan *offboard.Plan, chosen []offboard.Step, asJSON bool) int {
	r := newOffboardReport(plan)
	r.DryRun = true
	for _, s := range offboard.Steps {
		sr := stepReport{Step: s, Status: "planned", Already: plan.Done(s), Pending: plan.Pending(s)}
		if !slices.Contains(chosen, s) {
			sr.Status = offboard.StatusKept
		}
		r.Steps = append(r.Steps, sr)
	}
	if asJSON {
		return writeReport(env, r, 0)
	}
	fmt.Fprintf(env.Stdout, "Offboarding %s (%s) would do (nothing was changed):\n", plan.User.DisplayName, plan.User.UserPrincipalName)
	writeSteps(env.Stdout, r.Steps)
	return 0
}

// writeSteps writes one line per step, what it would remove or removed,
// and a line for each thing it could not remove.
func writeSteps(w io.Writer, steps []stepReport) {
	for _, sr := range steps {
		line := fmt.Sprintf("  %-18s %s", sr.Step, sr.Status)
		if sr.Already {
			line += " (done already)"
		}
		if len(sr.Pending) > 0 {
			line += ": " + strings.Join(sr.Pending, ", ")
		}
		if len(sr.Removed) > 0 {
			line += ": removed " + strings.Join(sr.Removed, ", ")
		}
		if sr.Error != "" {
			line += ": " + sr.Error
		}
		fmt.Fprintln(w, line)
		for _, f := range sr.Failed {
			fmt.Fprintln(w, "      not removed: "+f)
		}
	}
}

// printResult shows each step's outcome and the temporary password, once.
func printResult(env Env, plan *offboard.Plan, res *offboard.Result, asJSON bool) {
	r := newOffboardReport(plan)
	r.TemporaryPassword = res.Password
	for _, o := range res.Outcomes {
		sr := stepReport{Step: o.Step, Status: o.Status, Already: o.Already, Removed: o.Removed, Failed: o.Failed}
		if o.Err != nil {
			sr.Error = plainError(o.Err)
		}
		r.Steps = append(r.Steps, sr)
	}
	if asJSON {
		writeReport(env, r, 0)
		return
	}
	fmt.Fprintf(env.Stdout, "Offboarding %s (%s):\n", plan.User.DisplayName, plan.User.UserPrincipalName)
	writeSteps(env.Stdout, r.Steps)
	if res.Password != "" {
		fmt.Fprintf(env.Stdout, "Temporary password (shown only now): %s\n", res.Password)
	}
}

// undoOffboarding puts back what the user's record says was removed.
func undoOffboarding(ctx context.Context, off *offboard.Offboarder, opts offboardOptions, env Env) int {
	res, err := off.Undo(ctx, opts.User)
	if res == nil {
		if errors.Is(err, offboard.ErrNoRecord) {
			fmt.Fprintf(env.Stderr, "entra-wizard offboard: %s has no offboarding record under %q: nothing to undo\n", opts.User, opts.Name)
			return 1
		}
		return changesFailed(env, "offboard", err)
	}
	code := 0
	if err != nil || len(res.NotRestored) > 0 || res.SignIn != "allowed" && res.Kept {
		code = 1
	}
	if opts.JSON {
		return writeReport(env, struct {
			User        string   `json:"userPrincipalName"`
			Restored    []string `json:"restored"`
			NotRestored []string `json:"notRestored"`
			SignIn      string   `json:"signIn"`
			RecordKept  bool     `json:"recordKept"`
		}{res.User.UserPrincipalName, res.Restored, res.NotRestored, res.SignIn, res.Kept}, code)
	}
	fmt.Fprintf(env.Stdout, "Undoing the offboarding of %s (%s):\n", res.User.DisplayName, res.User.UserPrincipalName)
	for _, r := range res.Restored {
		fmt.Fprintln(env.Stdout, "  restored: "+r)
	}
	for _, r := range res.NotRestored {
		fmt.Fprintln(env.Stdout, "  not restored: "+r)
	}
	fmt.Fprintln(env.Stdout, "  sign-in: "+res.SignIn)
	if res.Kept {
		fmt.Fprintln(env.Stdout, "The record is kept: run --undo again to put back the rest.")
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard offboard: %s\n", plainError(err))
	}
	return code
}

func writeReport(env Env, v any, code int) int {
	data, err := json.Marshal(v)
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard offboard: %v\n", err)
		return 1
	}
	fmt.Fprintln(env.Stdout, string(data))
	return code
}
