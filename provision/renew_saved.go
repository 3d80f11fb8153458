package provision

import (
	"context"
	"errors"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// ErrNotRenewable refuses to renew a browser connection: it has no
// secret or certificate of its own.
var ErrNotRenewable = errors.New("this connection signs in through the browser and has no secret or certificate to renew")

// RenewSaved renews the credential of the saved connection called name in
// store, for days days (0 means the default of its kind); demo is the demo
// tenant running now, or nil. A client secret is renewed as renew does,
// with an admin's sign-in; a certificate as renewCertificate does, by the
// app itself with no sign-in. Before anything is sent it checks, as every
// other use of a saved connection does, that the keychain entry was saved
// for the endpoints the settings name now: an edited settings file gets
// neither the admin's sign-in nor a new credential. The window's Renew
// button and the command line use it; Deps.Save must save to the same
// store.
func (s *Setup) RenewSaved(ctx context.Context, store *keystore.Store, name string, demo *connection.DemoTenant, days int) (Renewed, error) {
	e := s.engine()
	e.Store, e.Demo = store, demo
	p, ep, err := e.Verify(name)
	if err != nil {
		return Renewed{}, err
	}
	switch p.Method {
	case keystore.MethodClientSecret:
		return s.renew(ctx, renewRequest{Profile: p, Endpoints: ep, SecretDays: days})
	case keystore.MethodCertificate:
		conn, err := e.Open(ctx, name)
		if err != nil {
			return Renewed{}, err
		}
		return s.renewCertificate(ctx, conn, days)
	}
	return Renewed{}, ErrNotRenewable
}
