package cli

import (
	"context"
	"fmt"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// openGraph opens a Graph client on the saved connection called name.
// A renewed sign-in that cannot be saved goes to onNotSaved (the tokens in
// hand still work).
func (d connectionDeps) openGraph(ctx context.Context, name string, onNotSaved func(error)) (*graph.Client, error) {
	store, err := d.openStore()
	if err != nil {
		return nil, err
	}
	c, err := d.engine(store, onNotSaved).Open(ctx, name)
	if err != nil {
		return nil, err
	}
	return c.Graph, nil
}

// openGraphOnly opens the saved connection called name for a command that
// works through Microsoft Graph (what it does, for the refusal of a secure
// LDAP connection), telling on standard error when a renewed sign-in could
// not be saved. It returns the store too, whose folder keeps the command's
// files.
func (d connectionDeps) openGraphOnly(ctx context.Context, name, command, what string, env Env) (*keystore.Store, *graph.Client, error) {
	store, err := d.openStore()
	if err != nil {
		return nil, nil, err
	}
	if p, err := store.Get(name); err == nil && p.IsLDAP() {
		return nil, nil, fmt.Errorf("%q is a secure LDAP connection; %s through Microsoft Graph, so choose a Microsoft Graph connection", name, what)
	}
	client, err := d.openGraph(ctx, name, func(err error) {
		fmt.Fprintf(env.Stderr, "entra-wizard %s: the renewed sign-in could not be saved (%v); the next run may ask you to sign in again\n", command, err)
	})
	return store, client, err
}
