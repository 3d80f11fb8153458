package appsetup

import (
	"context"
	"fmt"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// RenewSaved renews the client secret of the saved connection called name
// in store, as Renew does, resolving its endpoints (demo is the demo tenant
// running now, or nil). The window's "Renew secret" uses it; Deps.Save
// must save to the same store.
func (s *Setup) RenewSaved(ctx context.Context, store *keystore.Store, name string, demo *connection.DemoTenant) (Renewed, error) {
	p, err := store.Get(name)
	if err != nil {
		return Renewed{}, fmt.Errorf("connection %q: %w", name, err)
	}
	if p.Method != keystore.MethodClientSecret {
		return Renewed{}, ErrNotSecret
	}
	ep, err := connection.Resolve(p.Cloud, p.Authority, p.Graph, demo)
	if err != nil {
		return Renewed{}, fmt.Errorf("connection %q: %w", name, err)
	}
	return s.Renew(ctx, RenewRequest{Profile: p, Endpoints: ep})
}
