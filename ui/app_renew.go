package ui

import (
	"context"
	"fmt"

	"github.com/entra-wizard/entra-wizard/appsetup"
	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// renewSecret is the panel's "Renew secret": the same flow as
// "entra-wizard renew-secret", with the admin's sign-in in the browser.
func (u *UI) renewSecret(ctx context.Context, name string) (string, error) {
	store := u.deps.Store
	var demo *connection.DemoTenant
	if d := u.deps.Demo; d != nil {
		demo = &connection.DemoTenant{Authority: d.Authority, Graph: d.Graph}
	}
	setup := appsetup.New(appsetup.Deps{HTTPClient: u.deps.HTTPClient, OpenURL: u.deps.OpenURL,
		Save: func(p keystore.Profile, sec keystore.Secrets) error {
			_, err := store.Save(p, sec)
			return err
		}})
	got, err := setup.RenewSaved(ctx, store, name, demo, 0)
	if err != nil {
		return "", err
	}
	note := fmt.Sprintf("The new secret expires on %s.", got.Profile.SecretExpires.Format("2 January 2006"))
	if got.OldLeft != nil {
		note += fmt.Sprintf(" The old secret could not be removed (%v): remove it under Certificates & secrets in the portal.", got.OldLeft)
	}
	return note, nil
}
