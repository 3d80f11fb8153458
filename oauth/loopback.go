package oauth

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// DefaultLoginTimeout is how long a browser sign-in waits for the person
// when LoopbackLogin.Timeout is zero.
const DefaultLoginTimeout = 5 * time.Minute

// Why a browser sign-in ended without a token. Entra's own refusals come
// back as *Error.
var (
	ErrLoginCancelled = errors.New("the sign-in was cancelled")
	ErrLoginTimeout   = errors.New("the sign-in took too long and was stopped; try again")
	// ErrNoBrowser is joined to ErrLoginTimeout or ErrLoginCancelled when the
	// browser could not be opened and nobody opened the link by hand.
	ErrNoBrowser = errors.New("the browser could not be opened; open the sign-in link by hand")
	// ErrStateMismatch means the browser brought back an answer that does not
	// belong to this attempt (a missing or wrong state); it is refused.
	ErrStateMismatch = errors.New("the sign-in answer did not belong to this sign-in attempt and was refused; try again")
)

// LoopbackLogin signs a person in through their browser (authorization
// code with PKCE) and receives Entra's answer on a one-time listener on this
// computer. Register the redirect URI http://localhost on the app (as
// "Mobile and desktop applications" for a public client, or as Web with a
// Secret for a confidential one); Entra ignores the port for localhost.
type LoopbackLogin struct {
	Endpoints
	// Tenant is a tenant ID or domain, or "organizations".
	Tenant   string
	ClientID string
	// Secret is the client secret of a confidential client; "" for a public
	// client.
	Secret string
	// Scopes are the scopes to ask for, see Endpoints.DelegatedScopes.
	Scopes []string
	// LoginHint pre-fills the account to sign in with; optional.
	LoginHint string

	// OpenURL opens the sign-in page; nil means the system browser.
	OpenURL func(string) error
	// OnURL, if set, is called with the sign-in URL before the browser is
	// opened, so a window can show it as a link to open by hand. If OpenURL
	// fails the login goes on waiting for the person to open that link; only
	// when it then times out or is cancelled does the error include
	// ErrNoBrowser.
	OnURL func(url string)
	// Timeout ends the sign-in with ErrLoginTimeout; 0 means
	// DefaultLoginTimeout.
	Timeout time.Duration
	// HTTPClient sends the token requests; nil means http.DefaultClient.
	HTTPClient *http.Client
}

// Run performs one sign-in: it listens on 127.0.0.1 on a random port,
// opens the sign-in page, accepts exactly one answer, redeems the code for
// tokens and closes the listener before returning. Cancelling ctx ends it
// with ErrLoginCancelled (ErrLoginTimeout if ctx's deadline passed).
//
// The timeout runs from the start, and the browser is opened without
// waiting on the opener: an opener that never returns (xdg-open running a
// browser in the foreground) neither delays the sign-in's end nor keeps
// Cancel, Ctrl+C or the timeout from ending it.
func (l LoopbackLogin) Run(ctx context.Context) (*oauth2.Token, error) {
	timeout := l.Timeout
	if timeout <= 0 {
		timeout = DefaultLoginTimeout
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	tenant, clientID, err := l.check()
	if err != nil {
		return nil, err
	}
	l.Tenant, l.ClientID = tenant, clientID
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("sign-in: cannot listen for the browser's answer: %w", err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	conf := l.config("http://localhost:" + strconv.Itoa(port))
	verifier := oauth2.GenerateVerifier()
	state := rand.Text()

	loginCtx, cancel := context.WithCancel(withHTTPClient(ctx, l.HTTPClient))
	cb := newCallback(state, port, func(code string) (*oauth2.Token, error) {
		return l.redeem(loginCtx, conf, code, verifier)
	})
	srv := callbackServer(cb)
	go func() { _ = srv.Serve(ln) }()
	defer func() {
		cancel() // stop a code redemption still in flight, then wait for it
		shutdownCtx, stop := context.WithTimeout(context.Background(), time.Second)
		defer stop()
		if srv.Shutdown(shutdownCtx) != nil {
			_ = srv.Close()
		}
		// Serve may not have started yet, and Shutdown closes only the
		// listeners Serve took: the port must be closed when Run returns.
		_ = ln.Close()
	}()

	authURL := conf.AuthCodeURL(state, l.authParams(verifier)...)
	if l.OnURL != nil {
		l.OnURL(authURL)
	}
	opened := make(chan error, 1) // buffered: a late opener never blocks
	open := l.opener()
	go func() { opened <- open(authURL) }()
	return l.wait(ctx, timer.C, cb.done, opened)
}

// callbackIdleTimeout closes a kept-alive connection that sends nothing
// more; a variable so tests can shorten it.
var callbackIdleTimeout = 30 * time.Second

// callbackServer serves the callback with every timeout set, so no
// connection (a stray page, a half-open socket) holds the listener.
func callbackServer(cb http.Handler) *http.Server {
	return &http.Server{
		Handler:           cb,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       20 * time.Second,
		WriteTimeout:      2 * time.Minute, // the answer waits for the code's redemption
		IdleTimeout:       callbackIdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
}

// check refuses, before anything starts, what cannot sign in: a malformed
// tenant or client ID, or plain http to another computer. It returns the
// tenant and client ID trimmed.
func (l LoopbackLogin) check() (tenant, clientID string, err error) {
	if tenant, err = ParseSignInTenant(l.Tenant); err != nil {
		return "", "", err
	}
	if clientID, err = ParseClientID(l.ClientID); err != nil {
		return "", "", err
	}
	if err := checkTransportURL(l.TokenURL(tenant)); err != nil {
		return "", "", err
	}
	return tenant, clientID, nil
}

// wait returns the callback's result, or why none came. The opener's
// outcome is noted when it comes, but never waited for.
func (l LoopbackLogin) wait(ctx context.Context, expired <-chan time.Time, done <-chan loginResult, opened <-chan error) (*oauth2.Token, error) {
	var openErr error
	for {
		var why error
		select {
		case r := <-done:
			return r.tok, r.err
		case err := <-opened:
			if err != nil {
				openErr = fmt.Errorf("%w: %w", ErrNoBrowser, err)
			}
			opened = nil
			continue
		case <-expired:
			why = ErrLoginTimeout
		case <-ctx.Done():
			why = ErrLoginCancelled
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				why = ErrLoginTimeout
			}
		}
		if openErr != nil {
			return nil, errors.Join(why, openErr)
		}
		return nil, why
	}
}

func (l LoopbackLogin) opener() func(string) error {
	if l.OpenURL != nil {
		return l.OpenURL
	}
	return OpenBrowser
}

// config is the OAuth configuration of this sign-in. Client credentials go
// in the form body (Entra does not take them in a header for public clients).
func (l LoopbackLogin) config(redirectURL string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     l.ClientID,
		ClientSecret: l.Secret,
		Endpoint: oauth2.Endpoint{
			AuthURL:   l.AuthorizeURL(l.Tenant),
			TokenURL:  l.TokenURL(l.Tenant),
			AuthStyle: oauth2.AuthStyleInParams,
		},
		RedirectURL: redirectURL,
		Scopes:      l.Scopes,
	}
}

func (l LoopbackLogin) authParams(verifier string) []oauth2.AuthCodeOption {
	opts := []oauth2.AuthCodeOption{
		oauth2.S256ChallengeOption(verifier),
		oauth2.SetAuthURLParam("response_mode", "query"),
	}
	if l.LoginHint != "" {
		opts = append(opts, oauth2.SetAuthURLParam("login_hint", l.LoginHint))
	} else {
		opts = append(opts, oauth2.SetAuthURLParam("prompt", "select_account"))
	}
	return opts
}

// redeem exchanges the authorization code for tokens, proving with the
// PKCE verifier that this program asked for it.
func (l LoopbackLogin) redeem(ctx context.Context, conf *oauth2.Config, code, verifier string) (*oauth2.Token, error) {
	tok, err := conf.Exchange(ctx, code,
		oauth2.VerifierOption(verifier),
		oauth2.SetAuthURLParam("scope", strings.Join(l.Scopes, " ")))
	if err != nil {
		if e, ok := AsError(err); ok {
			return nil, e
		}
		return nil, fmt.Errorf("sign-in: redeeming the code: %w", err)
	}
	return tok, nil
}
