package ui

import (
	"context"
	"errors"
	"fmt"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/graph"
)

// engine is the connection engine for the window's dependencies. A renewed
// sign-in that cannot be saved is said on the panel's notice line, as the
// command line says it in its report.
func (u *UI) engine() *connection.Engine {
	e := &connection.Engine{Store: u.deps.Store, HTTPClient: u.deps.HTTPClient, OpenURL: u.deps.OpenURL, LDAP: u.deps.LDAP, Demo: u.deps.Demo}
	e.OnTokenNotSaved = func(err error) {
		u.do(func() {
			if u.panel != nil {
				u.panel.ShowNotice(err.Error())
			}
		})
	}
	return e
}

// openConnection opens a saved connection for the management panel and
// runs its connection test. A failed sign-in is in the report's Err. A
// secure LDAP connection goes to onLDAP (called from the background), which
// shows it in its own view.
func openConnection(e *connection.Engine, onLDAP func(name string)) func(ctx context.Context, name string) (*graph.Client, graph.Report, error) {
	return func(ctx context.Context, name string) (*graph.Client, graph.Report, error) {
		c, err := e.Open(ctx, name)
		if errors.Is(err, connection.ErrLDAP) {
			if onLDAP != nil {
				onLDAP(name)
			}
			return nil, graph.Report{}, fmt.Errorf("%q is a secure LDAP connection: opening its own view", name)
		}
		if err != nil {
			return nil, graph.Report{}, err
		}
		return c.Graph, c.Check(ctx), nil
	}
}
