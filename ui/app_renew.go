package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/provision"
)

// renew is the panel's "Renew secret" and "Renew certificate": the same
// flow as "entra-wizard renew", a secret with the admin's sign-in in the
// browser (its address to onURL, to show while it waits), a certificate
// with none.
func (u *UI) renew(ctx context.Context, name string, onURL func(string)) (string, error) {
	store := u.deps.Store
	setup := provision.New(provision.Deps{HTTPClient: u.deps.HTTPClient, OpenURL: u.deps.OpenURL, OnURL: onURL,
		Save: func(p keystore.Profile, sec keystore.Secrets) error {
			_, err := store.Save(p, sec)
			return err
		}})
	got, err := setup.RenewSaved(ctx, store, name, u.deps.Demo, 0)
	if err != nil {
		return "", err
	}
	return renewedNote(got), nil
}

// renewedNote says when the new secret or certificate expires, what the
// renewal adapted, and whether the old one is still to be removed.
func renewedNote(got provision.Renewed) string {
	p, what := got.Profile, "secret"
	var note string
	if p.Method == keystore.MethodCertificate {
		what = "certificate"
		note = fmt.Sprintf("The new certificate expires on %s; its key is in the keychain.", p.Certificate.Expires.Format("2 January 2006"))
	} else {
		note = fmt.Sprintf("The new secret expires on %s.", p.SecretExpires.Format("2 January 2006"))
	}
	if len(got.Notes) > 0 {
		note += " " + strings.Join(got.Notes, " ")
	}
	if got.OldLeft != nil {
		note += fmt.Sprintf(" The old %s could not be removed (%v): remove it under Certificates & secrets in the portal.", what, got.OldLeft)
	}
	return note
}
