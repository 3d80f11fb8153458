package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/provision"
)

const renewUsage = `Usage: entra-wizard renew --name NAME [--days N]
       entra-wizard renew-secret --name NAME [--secret-days N]   (the same)

Replaces a saved connection's client secret or certificate, so the
connection always has a working one: the program adds the new one to the
app, waits until Microsoft Entra accepts it, tests it, saves it, and only
then removes the old one.

  A client secret: you sign in once in the browser as an administrator.
  A certificate: no sign-in. The app renews its own certificate, proving
  with its current one that it holds it; the new key goes to the keychain.

Flags:
  --name NAME   the saved connection
  --days N      the new secret's or certificate's lifetime in days (default
                180 for a secret, 365 for a certificate, at most 730; the
                tenant's app management policy may shorten it)
  --secret-days N   the same as --days

Exit status: 0 renewed; 1 it failed (the saved connection is unchanged);
2 bad usage.
`

// credentialWord names a saved connection's credential in an admin's words.
func credentialWord(method string) string {
	if method == keystore.MethodCertificate {
		return "certificate"
	}
	return "secret"
}

// RunRenew runs "entra-wizard renew" and its older name "renew-secret".
func RunRenew(ctx context.Context, args []string, env Env) int {
	return runRenew(ctx, args, env, defaultConnectionDeps(env))
}

func runRenew(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	env, flush := env.forTerminal()
	defer flush()
	fs := flag.NewFlagSet("renew", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	name := fs.String("name", "", "")
	days := fs.Int("days", 0, "")
	fs.IntVar(days, "secret-days", 0, "")
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, renewUsage)
		return 0
	case err != nil:
		return commandUsageError(env, "renew", renewUsage, err)
	case fs.NArg() > 0:
		return commandUsageError(env, "renew", renewUsage, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	case *name == "":
		return commandUsageError(env, "renew", renewUsage, errors.New("--name is needed"))
	case *days < 0 || *days > provision.MaxSecretDays:
		return commandUsageError(env, "renew", "", fmt.Errorf("--days must be between 1 and %d", provision.MaxSecretDays))
	}
	store, err := deps.openStore()
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard renew: %v\n", err)
		return 1
	}
	p, err := store.Get(*name)
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard renew: connection %q: %v\n", *name, err)
		return 2
	}
	if p.Method != keystore.MethodClientSecret && p.Method != keystore.MethodCertificate {
		fmt.Fprintf(env.Stderr, "entra-wizard renew: %q signs in through the browser and has no secret or certificate to renew\n", *name)
		return 2
	}
	what := credentialWord(p.Method)
	got, err := provision.New(deps.setupDeps(env.Stderr, store)).RenewSaved(ctx, store, *name, nil, *days)
	if err != nil {
		fmt.Fprintf(env.Stdout, "X %s: the %s was not renewed: %v\n", *name, what, err)
		if errors.Is(err, keystore.ErrEndpointsChanged) {
			fmt.Fprintln(env.Stdout, "Nothing was sent anywhere: no sign-in was asked for, and the saved connection is unchanged.")
		} else {
			fmt.Fprintf(env.Stdout, "The saved connection is unchanged and keeps working with its current %s.\n", what)
		}
		return 1
	}
	writeRenewed(env.Stdout, p, got)
	return 0
}

// writeRenewed says what the renewal made and whether the old secret or
// certificate is gone.
func writeRenewed(w io.Writer, old keystore.Profile, got provision.Renewed) {
	p := got.Profile
	if p.Method == keystore.MethodCertificate {
		fmt.Fprintf(w, "✓ %s: new certificate %s saved, its key in the keychain; it expires on %s.\n", p.Name,
			p.Certificate.Thumbprint, p.Certificate.Expires.Format("2 January 2006"))
	} else {
		fmt.Fprintf(w, "✓ %s: new secret %s saved; it expires on %s.\n", p.Name, p.SecretKeyID,
			p.SecretExpires.Format("2 January 2006"))
	}
	for _, n := range got.Notes {
		fmt.Fprintf(w, "  Note: %s\n", n)
	}
	what := credentialWord(p.Method)
	switch {
	case got.OldLeft != nil:
		fmt.Fprintf(w, "  The old %s was not removed (%v); remove it under Certificates & secrets in the portal.\n", what, got.OldLeft)
	case p.Method == keystore.MethodCertificate:
		fmt.Fprintf(w, "  The old certificate %s was removed.\n", old.Certificate.Thumbprint)
	default:
		fmt.Fprintf(w, "  The old secret %s was removed.\n", old.SecretKeyID)
	}
}
