package appsetup

import (
	"context"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// RenewSaved renews the client secret of the saved connection called name
// in store, as renew does, for a new secret of secretDays days (0 means
// DefaultSecretDays); demo is the demo tenant running now, or nil. Before
// the admin signs in anywhere it checks, as every other use of a saved
// connection does, that the keychain entry was saved for the endpoints the
// settings name now: an edited settings file gets neither the admin's
// sign-in nor the new secret. The window's "Renew secret" and the command
// line use it; Deps.Save must save to the same store.
func (s *Setup) RenewSaved(ctx context.Context, store *keystore.Store, name string, demo *connection.DemoTenant, secretDays int) (Renewed, error) {
	e := s.engine()
	e.Store, e.Demo = store, demo
	p, ep, err := e.Verify(name)
	if err != nil {
		return Renewed{}, err
	}
	if p.Method != keystore.MethodClientSecret {
		return Renewed{}, ErrNotSecret
	}
	return s.renew(ctx, renewRequest{Profile: p, Endpoints: ep, SecretDays: secretDays})
}
