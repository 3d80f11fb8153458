package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

const connectUsage = `Usage: entra-wizard connect --name NAME --tenant TENANT --client-id ID
                            (--client-secret-stdin | --browser |
                             --certificate FILE [--certificate-password-stdin] |
                             --new-certificate FILE.cer [--wait DURATION])
                            [--cloud CLOUD | --authority URL --graph URL] [--json]

Tests a connection to Microsoft Entra ID and saves it only if the test works:
settings in the settings folder, secrets in the system keychain. A saved
connection of the same name is replaced.

Flags:
  --name NAME             a name for the connection, such as "Contoso"
  --tenant TENANT         the tenant ID or a domain of the tenant
  --client-id ID          the app's Application (client) ID
  --client-secret-stdin   read the client secret's Value from standard input
  --browser               sign in through the browser instead (delegated access)
  --certificate FILE      sign in with a certificate you have: a .pfx or .p12
                          file, or PEM with the certificate and its private key;
                          the key is saved to the keychain, the file left alone
  --certificate-password-stdin
                          read the .pfx or .p12 file's password from standard input
  --new-certificate FILE.cer
                          make a new certificate, write its public part to
                          FILE.cer (or FILE.pem) and print its thumbprint; upload
                          the file under Certificates & secrets > Certificates >
                          Upload certificate, and connect saves the connection
                          once Microsoft Entra accepts the certificate
  --wait DURATION         how long --new-certificate waits for the upload
                          (default 15m)
  --cloud CLOUD           global (default), usgov, usgov-dod or china
  --authority URL         a custom sign-in service (with --graph)
  --graph URL             a custom Microsoft Graph host (with --authority)
  --allow-custom-endpoints  send the secret and tokens to custom endpoints that
                          are neither a Microsoft cloud nor this computer
  --json                  print the result as a JSON object

For secure LDAP to Microsoft Entra Domain Services instead, see:
  entra-wizard connect --ldap --help

Exit status: 0 saved, 1 the test failed (nothing saved), 2 bad usage or input.
`

// connectOptions are the flags of "entra-wizard connect".
type connectOptions struct {
	Name        string
	Tenant      string
	ClientID    string
	SecretStdin bool
	Browser     bool
	// Certificate is a certificate file with its key to import;
	// PasswordStdin reads its password from standard input.
	Certificate   string
	PasswordStdin bool
	// NewCertificate is where a new certificate's public part is
	// written; Wait bounds the wait for its upload.
	NewCertificate string
	Wait           time.Duration
	Cloud          string
	Authority      string
	Graph          string
	// AllowCustom trusts endpoints that are neither a Microsoft cloud's
	// nor this computer's.
	AllowCustom bool
	JSON        bool
}

// RunConnect runs "entra-wizard connect": it checks the input, signs in,
// tests what the connection can do and saves it only if the test passed.
func RunConnect(ctx context.Context, args []string, env Env) int {
	return runConnect(ctx, args, env, defaultConnectionDeps(env))
}

func runConnect(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	env, flush := env.forTerminal()
	defer flush()
	if wantsLDAP(args) {
		return runConnectLDAP(ctx, args, env, deps)
	}
	opts, err := parseConnectFlags(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, connectUsage)
		return 0
	case err != nil:
		return commandUsageError(env, "connect", connectUsage, err)
	}
	target, err := opts.target()
	if err != nil {
		return commandUsageError(env, "connect", "", err)
	}
	creds, err := opts.credentials(env, &target)
	if err != nil {
		return commandUsageError(env, "connect", "", err)
	}
	store, err := deps.openStore()
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard connect: %v\n", err)
		return 1
	}

	result, refreshToken, err := opts.test(ctx, deps, target, creds, env.Stderr)
	if err != nil {
		return commandUsageError(env, "connect", "", err)
	}
	testPassed := result.OK
	if testPassed {
		sec := keystore.Secrets{ClientSecret: creds.secret, CertificateKey: creds.certificateKey, RefreshToken: refreshToken}
		saved, err := store.Save(target.profile, sec)
		if err != nil {
			result.fail(connectionError{Message: err.Error(), Hint: saveHint(err)})
		} else {
			result.saved = &saved
		}
	}
	if opts.JSON {
		writeJSON(env.Stdout, result)
	} else {
		result.writeText(env.Stdout)
		if !testPassed {
			fmt.Fprintln(env.Stdout, "Nothing was saved.")
		}
	}
	if !result.OK {
		return 1
	}
	return 0
}

// test runs the connection test; for a new certificate it first writes
// its public part, then tests until the admin has uploaded it.
func (o connectOptions) test(ctx context.Context, deps connectionDeps, t connectionTarget, c credentials, progress io.Writer) (connectionResult, string, error) {
	if o.NewCertificate == "" {
		res, refreshToken := deps.test(ctx, t, c, progress)
		return res, refreshToken, nil
	}
	if err := o.writePublicPart(t.certificate, t.profile, progress); err != nil {
		return connectionResult{}, "", err
	}
	return deps.testUntilUploaded(ctx, t, c, o.uploadWait(), progress), "", nil
}

// parseConnectFlags reads connect's flags and checks that they fit together.
// After -h or --help it returns flag.ErrHelp.
func parseConnectFlags(args []string) (connectOptions, error) {
	var o connectOptions
	fs := flag.NewFlagSet("connect", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.Name, "name", "", "")
	fs.StringVar(&o.Tenant, "tenant", "", "")
	fs.StringVar(&o.ClientID, "client-id", "", "")
	fs.BoolVar(&o.SecretStdin, "client-secret-stdin", false, "")
	fs.BoolVar(&o.Browser, "browser", false, "")
	fs.StringVar(&o.Certificate, "certificate", "", "")
	fs.BoolVar(&o.PasswordStdin, "certificate-password-stdin", false, "")
	fs.StringVar(&o.NewCertificate, "new-certificate", "", "")
	fs.DurationVar(&o.Wait, "wait", 0, "")
	fs.StringVar(&o.Cloud, "cloud", "", "")
	fs.StringVar(&o.Authority, "authority", "", "")
	fs.StringVar(&o.Graph, "graph", "", "")
	fs.BoolVar(&o.AllowCustom, "allow-custom-endpoints", false, "")
	fs.BoolVar(&o.JSON, "json", false, "")
	err := fs.Parse(args)
	var missing []string
	for _, f := range []struct{ flag, value string }{
		{"--name", o.Name}, {"--tenant", o.Tenant}, {"--client-id", o.ClientID},
	} {
		if f.value == "" {
			missing = append(missing, f.flag)
		}
	}
	switch {
	case err != nil:
		return o, err
	case fs.NArg() > 0:
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case len(missing) > 0:
		return o, fmt.Errorf("missing %s", strings.Join(missing, ", "))
	case o.ways() != 1:
		return o, errors.New("choose one way to sign in: --client-secret-stdin, --browser, --certificate or --new-certificate")
	case o.PasswordStdin && o.Certificate == "":
		return o, errors.New("--certificate-password-stdin goes with --certificate")
	case o.Wait != 0 && o.NewCertificate == "":
		return o, errors.New("--wait goes with --new-certificate")
	case o.Wait < 0:
		return o, errors.New("--wait must be a positive duration, such as 10m")
	case (o.Authority == "") != (o.Graph == ""):
		return o, errors.New("--authority and --graph go together: give both or neither")
	case o.Authority != "" && o.Cloud != "":
		return o, errors.New("--cloud and --authority/--graph do not go together: choose one")
	}
	return o, nil
}

// ways counts the ways to sign in that were chosen.
func (o connectOptions) ways() int {
	n := 0
	for _, on := range []bool{o.SecretStdin, o.Browser, o.Certificate != "", o.NewCertificate != ""} {
		if on {
			n++
		}
	}
	return n
}

// credentials reads what the connection proves itself with: the secret
// from standard input, or the certificate (imported or new), which it
// records in t. A browser sign-in has none yet.
func (o connectOptions) credentials(env Env, t *connectionTarget) (credentials, error) {
	switch {
	case o.SecretStdin:
		secret, err := readSecret(env.Stdin)
		if err != nil {
			return credentials{}, err
		}
		if oauth.LooksLikeSecretID(secret) {
			fmt.Fprintln(env.Stderr, "Warning: the secret looks like a secret ID (a GUID). Entra shows two values for a secret:"+
				" copy the one under Value, not Secret ID.")
		}
		return credentials{secret: secret}, nil
	case o.Certificate != "" || o.NewCertificate != "":
		c, err := o.certificateOf(env.Stdin, time.Now())
		if err != nil {
			return credentials{}, err
		}
		t.certificate = c
		t.profile.Method, t.profile.Certificate = keystore.MethodCertificate, connection.CertificateSettings(c)
		return credentials{certificateKey: c.KeyText()}, nil
	}
	return credentials{}, nil
}

// target checks the typed values, before anything goes over the network,
// and returns what the connection will be.
func (o connectOptions) target() (connectionTarget, error) {
	if err := keystore.ValidateName(o.Name); err != nil {
		return connectionTarget{}, fmt.Errorf("--name: %w", err)
	}
	parseTenant := oauth.ParseTenant
	method := keystore.MethodClientSecret
	if o.Browser {
		parseTenant, method = oauth.ParseSignInTenant, keystore.MethodBrowser
	}
	tenant, err := parseTenant(o.Tenant)
	if err != nil {
		return connectionTarget{}, fmt.Errorf("--tenant %q: %w", o.Tenant, err)
	}
	clientID, err := oauth.ParseClientID(o.ClientID)
	if err != nil {
		return connectionTarget{}, fmt.Errorf("--client-id %q: %w", o.ClientID, err)
	}
	cloud := o.Cloud
	if o.Authority != "" {
		cloud = keystore.CloudCustom
	}
	endpoints, err := connection.Resolve(cloud, o.Authority, o.Graph, nil)
	if err != nil {
		return connectionTarget{}, err
	}
	if err := oauth.CheckEndpoints(endpoints, o.AllowCustom); err != nil {
		if errors.Is(err, oauth.ErrCustomEndpoints) {
			err = fmt.Errorf("%w (add --allow-custom-endpoints)", err)
		}
		return connectionTarget{}, err
	}
	return connectionTarget{
		profile: keystore.Profile{
			Name: o.Name, Cloud: endpoints.Cloud, Authority: endpoints.Authority, Graph: endpoints.Graph,
			Tenant: tenant, ClientID: clientID, Method: method,
		},
		allowCustom: o.AllowCustom,
	}, nil
}

// maxSecretLength bounds what is read from standard input.
const maxSecretLength = 16 << 10

// readSecret reads the client secret from standard input: the whole input
// (or its first line), trimmed of surrounding white space.
func readSecret(r io.Reader) (string, error) {
	if r == nil {
		return "", errors.New("--client-secret-stdin: nothing on standard input")
	}
	data, err := io.ReadAll(io.LimitReader(r, maxSecretLength+1))
	if err != nil {
		return "", fmt.Errorf("--client-secret-stdin: reading standard input: %w", err)
	}
	if len(data) > maxSecretLength {
		return "", errors.New("--client-secret-stdin: the input is far longer than a client secret")
	}
	secret, _, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
	secret = strings.TrimSpace(secret)
	if secret == "" {
		return "", errors.New("--client-secret-stdin: standard input was empty; pipe the secret's Value into the command")
	}
	return secret, nil
}

// commandUsageError reports bad usage or input of a command on Stderr, with
// the command's usage text when it helps, and returns exit code 2.
func commandUsageError(env Env, command, usage string, err error) int {
	fmt.Fprintf(env.Stderr, "entra-wizard %s: %v\n", command, err)
	if usage != "" {
		fmt.Fprintf(env.Stderr, "\n%s", usage)
	}
	return 2
}
