package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
)

const connectLDAPUsage = `Usage: entra-wizard connect --ldap --name NAME --ldap-server HOST --bind ACCOUNT
                            --password-stdin [--ldap-port 636] [--base-dn DN]
                            [--trust-fingerprint SHA256] [--json]

Tests a secure LDAP connection to a Microsoft Entra Domain Services managed
domain and saves it only if every step works: the settings and the trusted
certificate fingerprint in the settings folder, the password in the system
keychain. A saved connection of the same name is replaced.

Flags:
  --name NAME                a name for the connection
  --ldap-server HOST         the secure LDAP DNS name (such as
                             ldaps.aaddscontoso.com) or external IP address
  --ldap-port PORT           the secure LDAP port (default 636)
  --bind ACCOUNT             the account that signs in: user@domain,
                             DOMAIN\user (the domain's NetBIOS name) or its DN
  --password-stdin           read the account's password from standard input
  --base-dn DN               where to search (default: the managed domain's
                             root, such as DC=aaddscontoso,DC=com)
  --trust-fingerprint HASH   trust the server certificate with exactly this
                             SHA-256 fingerprint, when no authority this
                             computer trusts issued it
  --json                     print the result as a JSON object

Exit status: 0 saved, 1 the test failed (nothing saved), 2 bad usage or input.
`

// connectLDAPOptions are the flags of "entra-wizard connect --ldap".
type connectLDAPOptions struct {
	Name          string
	Server        string
	Port          int
	Bind          string
	PasswordStdin bool
	BaseDN        string
	Fingerprint   string
	JSON          bool
}

// wantsLDAP reports whether connect's arguments ask for secure LDAP.
func wantsLDAP(args []string) bool {
	return slices.ContainsFunc(args, func(a string) bool {
		return a == "--ldap" || a == "-ldap" || strings.HasPrefix(a, "--ldap=") || strings.HasPrefix(a, "-ldap=")
	})
}

// runConnectLDAP tests a secure LDAP connection and saves it if it works.
func runConnectLDAP(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	opts, err := parseConnectLDAPFlags(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, connectLDAPUsage)
		return 0
	case err != nil:
		return commandUsageError(env, "connect --ldap", connectLDAPUsage, err)
	}
	settings, err := opts.settings()
	if err != nil {
		return commandUsageError(env, "connect --ldap", "", err)
	}
	password, err := readPassword(env.Stdin, "--password-stdin")
	if err != nil {
		return commandUsageError(env, "connect --ldap", "", err)
	}
	store, err := deps.openStore()
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard connect: %v\n", err)
		return 1
	}
	rep := deps.engine(store, nil).TestLDAP(ctx, settings, password)
	res := ldapResultOf(opts.Name, settings, rep)
	if rep.OK() {
		saved, err := store.Save(connection.LDAPProfile(opts.Name, settings), keystore.Secrets{LDAPPassword: password})
		if err != nil {
			res.fail(&connectionError{Message: err.Error(), Hint: saveHint(err)})
		} else {
			res.saved = &saved
		}
	}
	if opts.JSON {
		writeJSON(env.Stdout, res)
	} else {
		res.writeText(env.Stdout)
		if !rep.OK() {
			fmt.Fprintln(env.Stdout, "Nothing was saved.")
		}
	}
	if !res.OK {
		return 1
	}
	return 0
}

func parseConnectLDAPFlags(args []string) (connectLDAPOptions, error) {
	var o connectLDAPOptions
	var ldapFlag bool
	fs := flag.NewFlagSet("connect --ldap", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&ldapFlag, "ldap", false, "")
	fs.StringVar(&o.Name, "name", "", "")
	fs.StringVar(&o.Server, "ldap-server", "", "")
	fs.IntVar(&o.Port, "ldap-port", ldapconn.DefaultPort, "")
	fs.StringVar(&o.Bind, "bind", "", "")
	fs.BoolVar(&o.PasswordStdin, "password-stdin", false, "")
	fs.StringVar(&o.BaseDN, "base-dn", "", "")
	fs.StringVar(&o.Fingerprint, "trust-fingerprint", "", "")
	fs.BoolVar(&o.JSON, "json", false, "")
	if err := fs.Parse(args); err != nil {
		if strings.Contains(err.Error(), "not defined") {
			return o, fmt.Errorf("%w (secure LDAP connections take the flags below; --tenant, --client-id and the like are for Entra ID)", err)
		}
		return o, err
	}
	var missing []string
	for _, f := range []struct{ flag, value string }{{"--name", o.Name}, {"--ldap-server", o.Server}, {"--bind", o.Bind}} {
		if f.value == "" {
			missing = append(missing, f.flag)
		}
	}
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case len(missing) > 0:
		return o, fmt.Errorf("missing %s", strings.Join(missing, ", "))
	case !o.PasswordStdin:
		return o, errors.New("give the bind account's password on standard input with --password-stdin (never as an argument, where other users could see it)")
	}
	return o, nil
}

// settings checks the typed values before anything goes over the network.
func (o connectLDAPOptions) settings() (ldapconn.Settings, error) {
	if err := keystore.ValidateName(o.Name); err != nil {
		return ldapconn.Settings{}, fmt.Errorf("--name: %w", err)
	}
	s := ldapconn.Settings{Server: o.Server, Port: o.Port, BindAccount: o.Bind, BaseDN: o.BaseDN}
	if s.BaseDN == "" {
		s.BaseDN = ldapconn.SuggestBaseDN(ldapconn.ManagedDomainOf(o.Server, o.Bind))
		if s.BaseDN == "" {
			return s, errors.New("--base-dn: cannot guess the managed domain from the server or account; give it, such as --base-dn DC=aaddscontoso,DC=com")
		}
	}
	if o.Fingerprint != "" {
		fp, err := ldapconn.ParseFingerprint(o.Fingerprint)
		if err != nil {
			return s, fmt.Errorf("--trust-fingerprint: %w", err)
		}
		s.Fingerprint = fp
	}
	flagOf := map[string]string{"server": "--ldap-server", "port": "--ldap-port", "bind account": "--bind", "base DN": "--base-dn"}
	if err := s.Validate(); err != nil {
		field, _, _ := strings.Cut(err.Error(), ":")
		if f, ok := flagOf[field]; ok {
			return s, fmt.Errorf("%s%s", f, strings.TrimPrefix(err.Error(), field))
		}
		return s, err
	}
	return s, nil
}

// maxPasswordLength bounds what is read from standard input.
const maxPasswordLength = 4 << 10

// readPassword reads the first line of standard input for the flag named
// flag, keeping any spaces that belong to the password.
func readPassword(r io.Reader, flag string) (string, error) {
	if r == nil {
		return "", errors.New(flag + ": nothing on standard input")
	}
	line, err := bufio.NewReaderSize(io.LimitReader(r, maxPasswordLength+1), maxPasswordLength+1).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("%s: reading standard input: %w", flag, err)
	}
	if len(line) > maxPasswordLength {
		return "", errors.New(flag + ": the input is far longer than a password")
	}
	password := strings.TrimRight(line, "\r\n")
	if password == "" {
		return "", errors.New(flag + ": standard input was empty; pipe the password into the command")
	}
	return password, nil
}

// testSavedLDAP tests a saved secure LDAP connection with its password from
// the keychain.
func (d connectionDeps) testSavedLDAP(ctx context.Context, store *keystore.Store, p keystore.Profile) ldapResult {
	s := connection.LDAPSettings(p)
	rep, err := d.engine(store, nil).TestSavedLDAP(ctx, p)
	if err != nil {
		res := ldapResultOf(p.Name, s, ldapconn.Report{})
		res.fail(&connectionError{Code: "password_missing", Message: err.Error(), Hint: cmpOr(saveHint(err), "Save the connection again with: entra-wizard connect --ldap ...")})
		return res
	}
	return ldapResultOf(p.Name, s, rep)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
