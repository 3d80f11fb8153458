package cli

import (
	"context"
	"fmt"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// savedTokenSource turns a saved connection into a token source, with its
// secrets from the keychain: client credentials, or a browser sign-in renewed
// with its refresh token. A rotated refresh token is saved again; if that
// fails, onSaveErr hears why (the tokens in hand still work).
func (d connectionDeps) savedTokenSource(ctx context.Context, store *keystore.Store, p keystore.Profile, onSaveErr func(error)) (connectionTarget, oauth2.TokenSource, error) {
	t, err := targetOf(p)
	if err != nil {
		return connectionTarget{profile: p}, nil, err
	}
	sec, err := store.Secrets(p.Name)
	if err != nil {
		return t, nil, fmt.Errorf("the secrets of %q: %w", p.Name, err)
	}
	if p.Method == keystore.MethodClientSecret {
		return t, d.clientCredentials(ctx, t, sec.ClientSecret), nil
	}
	login := d.login(t)
	login.Secret = sec.ClientSecret
	start := &oauth2.Token{RefreshToken: sec.RefreshToken}
	return t, oauth.RefreshTokenSource(ctx, login, start, func(tok *oauth2.Token) {
		if err := store.SetRefreshToken(p.Name, tok.RefreshToken); err != nil && onSaveErr != nil {
			onSaveErr(err)
		}
	}), nil
}

// openGraph opens a Graph client on the saved connection called name.
func (d connectionDeps) openGraph(ctx context.Context, name string, onSaveErr func(error)) (*graph.Client, error) {
	store, err := d.openStore()
	if err != nil {
		return nil, err
	}
	p, err := store.Get(name)
	if err != nil {
		return nil, fmt.Errorf("connection %q: %w", name, err)
	}
	t, ts, err := d.savedTokenSource(ctx, store, p, onSaveErr)
	if err != nil {
		return nil, err
	}
	return graph.New(graph.Config{BaseURL: t.endpoints.GraphBaseURL(), TokenSource: ts, HTTPClient: d.httpClient})
}
