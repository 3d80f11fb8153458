package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/entra-wizard/entra-wizard/appsetup"
	"github.com/entra-wizard/entra-wizard/keystore"
)

const renewUsage = `Usage: entra-wizard renew-secret --name NAME [--secret-days N]

Replaces a saved connection's client secret: you sign in once in the browser
as an administrator, the program adds a new secret to the app, waits until
Microsoft Entra accepts it, tests it, saves it, and only then removes the old
one, so the connection always has a working secret.

Flags:
  --name NAME        the saved connection
  --secret-days N    the new secret's lifetime in days (default 180, at most 730)

Exit status: 0 renewed; 1 it failed (the saved connection is unchanged);
2 bad usage.
`

// RunRenewSecret runs "entra-wizard renew-secret".
// signsInWith says how a connection that has no secret signs in.
func signsInWith(method string) string {
	if method == keystore.MethodCertificate {
		return "signs in with a certificate"
	}
	return "signs in through the browser"
}

func RunRenewSecret(ctx context.Context, args []string, env Env) int {
	return runRenewSecret(ctx, args, env, defaultConnectionDeps(env))
}

func runRenewSecret(ctx context.Context, args []string, env Env, deps connectionDeps) int {
	env, flush := env.forTerminal()
	defer flush()
	fs := flag.NewFlagSet("renew-secret", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	name := fs.String("name", "", "")
	days := fs.Int("secret-days", appsetup.DefaultSecretDays, "")
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, renewUsage)
		return 0
	case err != nil:
		return commandUsageError(env, "renew-secret", renewUsage, err)
	case fs.NArg() > 0:
		return commandUsageError(env, "renew-secret", renewUsage, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	case *name == "":
		return commandUsageError(env, "renew-secret", renewUsage, errors.New("--name is needed"))
	case *days < 1 || *days > appsetup.MaxSecretDays:
		return commandUsageError(env, "renew-secret", "", fmt.Errorf("--secret-days must be between 1 and %d", appsetup.MaxSecretDays))
	}
	store, err := deps.openStore()
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard renew-secret: %v\n", err)
		return 1
	}
	p, err := store.Get(*name)
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard renew-secret: connection %q: %v\n", *name, err)
		return 2
	}
	if p.Method != keystore.MethodClientSecret {
		fmt.Fprintf(env.Stderr, "entra-wizard renew-secret: %q %s and has no secret to renew\n", *name, signsInWith(p.Method))
		return 2
	}
	got, err := appsetup.New(deps.setupDeps(env.Stderr, store)).RenewSaved(ctx, store, *name, nil, *days)
	if err != nil {
		fmt.Fprintf(env.Stdout, "X %s: the secret was not renewed: %v\n", *name, err)
		if errors.Is(err, keystore.ErrEndpointsChanged) {
			fmt.Fprintln(env.Stdout, "Nothing was sent anywhere: no sign-in was asked for, and the saved connection is unchanged.")
		} else {
			fmt.Fprintln(env.Stdout, "The saved connection is unchanged and keeps working with its current secret.")
		}
		return 1
	}
	fmt.Fprintf(env.Stdout, "✓ %s: new secret %s saved; it expires on %s.\n", *name, got.Profile.SecretKeyID,
		got.Profile.SecretExpires.Format("2 January 2006"))
	if got.OldLeft != nil {
		fmt.Fprintf(env.Stdout, "  The old secret was not removed (%v); remove it under Certificates & secrets in the portal.\n", got.OldLeft)
	} else {
		fmt.Fprintf(env.Stdout, "  The old secret %s was removed.\n", p.SecretKeyID)
	}
	return 0
}
