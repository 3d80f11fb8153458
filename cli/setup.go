package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/provision"
)

const setupUsage = `Usage: entra-wizard setup --name NAME --tenant TENANT
                          [--credential certificate|secret | --method browser]
                          [--features LIST] [--secret-days N] [--app-name NAME]
                          [--reuse] [--keep-on-failure]
                          [--cloud CLOUD | --authority URL --graph URL
                           [--allow-custom-endpoints]] [--json]

Sets the app up for you: you sign in once in the browser as an administrator
(with Microsoft Graph Command Line Tools), and the program registers the app
in your tenant with its certificate (or secret), grants admin consent, waits
until Microsoft Entra accepts it, tests the connection and saves it. The
sign-in is used for setup only and is not saved. A certificate's private key
is made on this computer and kept only in the system keychain; only the
certificate's public part is uploaded.

Flags:
  --name NAME          a name for the connection, such as "Contoso"
  --tenant TENANT      the tenant ID or a domain of the tenant
  --credential KIND    certificate (default, as Microsoft recommends): the app
                       signs in with a certificate; secret: with a client secret
  --method METHOD      browser: people sign in through the browser instead;
                       secret: the same as --credential secret
  --features LIST      what the connection is for, comma-separated (default all):
                       %s
  --secret-days N      the certificate's or secret's lifetime in days (default
                       365 for a certificate, 180 for a secret; at most 730)
  --app-name NAME      the app registration's name (default "Entra Setup Wizard")
  --reuse              if a registration of that name exists, add a new secret
                       (or a certificate, if it has none) to it instead of stopping
  --keep-on-failure    if a step fails, keep what was created (to continue in
                       the portal) instead of removing it
  --cloud CLOUD        global (default), usgov, usgov-dod or china
  --authority URL      a custom sign-in service (with --graph)
  --graph URL          a custom Microsoft Graph host (with --authority)
  --allow-custom-endpoints  send the sign-in, secret and tokens to custom
                       endpoints that are neither Microsoft's nor this computer
  --json               print the result as a JSON object

Creating apps needs the Application Administrator or Cloud Application
Administrator role; granting Microsoft Graph application permissions needs
Privileged Role Administrator or Global Administrator.

Exit status: 0 set up, tested and saved; 1 setup failed (the output says what
was created and whether it was removed); 2 bad usage.
`

// setupOptions are the flags of "entra-wizard setup".
type setupOptions struct {
	connectOptions
	Method        string
	Credential    string
	Features      string
	SecretDays    int
	AppName       string
	Reuse         bool
	KeepOnFailure bool
}

// RunSetup runs "entra-wizard setup".
func RunSetup(ctx context.Context, args []string, env Env) int {
	return runSetup(ctx, args, env, defaultConnectionDeps(env))
}

func runSetup(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	env, flush := env.forTerminal()
	defer flush()
	opts, err := parseSetupFlags(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(env.Stdout, setupUsage, featureList())
		return 0
	case err != nil:
		return commandUsageError(env, "setup", fmt.Sprintf(setupUsage, featureList()), err)
	}
	req, err := opts.request()
	if err != nil {
		return commandUsageError(env, "setup", "", err)
	}
	store, err := deps.openStore()
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard setup: %v\n", err)
		return 1
	}
	s := provision.New(deps.setupDeps(env.Stderr, store))
	res, err := s.Start(ctx, req)
	out := setupOutcomeOf(req, res, err)
	if err != nil && !opts.KeepOnFailure {
		out.removeCreated(ctx, s, err)
	}
	if opts.JSON {
		writeJSON(env.Stdout, out)
	} else {
		out.writeText(env.Stdout)
	}
	if !out.OK {
		return 1
	}
	return 0
}

// setupDeps are provision's side effects: the shared HTTP client and
// browser, progress on w, and saving into store.
func (d connectionDeps) setupDeps(w io.Writer, store *keystore.Store) provision.Deps {
	return provision.Deps{
		HTTPClient: d.httpClient, OpenURL: d.openURL, LoginTimeout: d.loginTimeout,
		OnURL: func(u string) {
			fmt.Fprintf(w, "Opening the browser to sign in. If it does not open, visit:\n  %s\n", u)
		},
		Progress: func(p provision.Progress) { writeSetupProgress(w, p) },
		Save: func(p keystore.Profile, s keystore.Secrets) error {
			_, err := store.Save(p, s)
			return err
		},
	}
}

func writeSetupProgress(w io.Writer, p provision.Progress) {
	if p.Step != provision.StepWait || p.Attempt == 0 {
		fmt.Fprintf(w, "… %s\n", capitalize(p.Step.String()))
		return
	}
	fmt.Fprintf(w, "  Waiting for Microsoft Entra to finish creating the app... %s elapsed (press Ctrl+C to stop)\n",
		p.Elapsed.Round(1e9))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// featureList names the features --features accepts.
func featureList() string {
	var names []string
	for _, f := range graph.Features() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

func parseSetupFlags(args []string) (setupOptions, error) {
	var o setupOptions
	fs := flag.NewFlagSet("setup", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.Name, "name", "", "")
	fs.StringVar(&o.Tenant, "tenant", "", "")
	fs.StringVar(&o.Method, "method", "", "")
	fs.StringVar(&o.Credential, "credential", "", "")
	fs.StringVar(&o.Features, "features", "", "")
	fs.IntVar(&o.SecretDays, "secret-days", 0, "")
	fs.StringVar(&o.AppName, "app-name", provision.DefaultAppName, "")
	fs.BoolVar(&o.Reuse, "reuse", false, "")
	fs.BoolVar(&o.KeepOnFailure, "keep-on-failure", false, "")
	fs.StringVar(&o.Cloud, "cloud", "", "")
	fs.StringVar(&o.Authority, "authority", "", "")
	fs.StringVar(&o.Graph, "graph", "", "")
	fs.BoolVar(&o.AllowCustom, "allow-custom-endpoints", false, "")
	fs.BoolVar(&o.JSON, "json", false, "")
	err := fs.Parse(args)
	switch {
	case err != nil:
		return o, err
	case fs.NArg() > 0:
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case o.Name == "" || o.Tenant == "":
		return o, errors.New("--name and --tenant are needed")
	case o.Method != "" && o.Method != provision.MethodSecret && o.Method != provision.MethodBrowser:
		return o, fmt.Errorf("--method %q: choose secret or browser", o.Method)
	case o.Credential != "" && o.Credential != provision.MethodCertificate && o.Credential != provision.MethodSecret:
		return o, fmt.Errorf("--credential %q: choose certificate or secret", o.Credential)
	case o.Credential != "" && o.Method != "" && o.Credential != o.Method:
		return o, errors.New("--credential and --method do not go together: a browser sign-in needs no credential of the app")
	case o.SecretDays < 0 || o.SecretDays > provision.MaxSecretDays:
		return o, fmt.Errorf("--secret-days must be between 1 and %d", provision.MaxSecretDays)
	case (o.Authority == "") != (o.Graph == ""):
		return o, errors.New("--authority and --graph go together: give both or neither")
	case o.Authority != "" && o.Cloud != "":
		return o, errors.New("--cloud and --authority/--graph do not go together: choose one")
	}
	return o, nil
}

// request checks the typed values and builds the setup request.
func (o setupOptions) request() (provision.Request, error) {
	if err := keystore.ValidateName(o.Name); err != nil {
		return provision.Request{}, fmt.Errorf("--name: %w", err)
	}
	tenant, err := oauth.ParseTenant(o.Tenant)
	if err != nil {
		return provision.Request{}, fmt.Errorf("--tenant %q: %w", o.Tenant, err)
	}
	cloud := o.Cloud
	if o.Authority != "" {
		cloud = keystore.CloudCustom
	}
	e, err := connection.Resolve(cloud, o.Authority, o.Graph, nil)
	if err != nil {
		return provision.Request{}, err
	}
	if err := oauth.CheckEndpoints(e, o.AllowCustom); err != nil {
		if errors.Is(err, oauth.ErrCustomEndpoints) {
			err = fmt.Errorf("%w (add --allow-custom-endpoints)", err)
		}
		return provision.Request{}, err
	}
	req := provision.Request{Name: o.Name, Endpoints: e, Tenant: tenant, AppName: o.AppName, Method: o.method(),
		SecretDays: o.SecretDays, Reuse: o.Reuse, AllowCustom: o.AllowCustom}
	for _, f := range strings.Split(o.Features, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		if !containsFeature(graph.Feature(f)) {
			return req, fmt.Errorf("--features: unknown feature %q: choose from %s", f, featureList())
		}
		req.Features = append(req.Features, graph.Feature(f))
	}
	return req, nil
}

// method is how the new connection signs in, in provision's spelling: the
// credential asked for, the method asked for, or a certificate.
func (o setupOptions) method() string {
	return cmp.Or(o.Credential, o.Method, provision.MethodCertificate)
}

func containsFeature(f graph.Feature) bool {
	for _, g := range graph.Features() {
		if g == f {
			return true
		}
	}
	return false
}
