package cli

import (
	"context"

	"github.com/entra-wizard/entra-wizard/graph"
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
