package provision

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// ErrAppExists stops StepLookUp when a registration of the same name exists
// and Request.Reuse is off: ask the admin, set Request.Reuse, continue.
var ErrAppExists = errors.New("an app registration with this name already exists")

// Deps are setup's side effects. Tests replace them.
type Deps struct {
	HTTPClient *http.Client
	// OpenURL opens a sign-in page; nil means the system browser.
	OpenURL func(string) error
	// OnURL hears each sign-in page's address, to show as a link.
	OnURL        func(string)
	LoginTimeout time.Duration
	Clock        Clock
	// MaxWait bounds the wait for Entra; 0 means DefaultMaxWait.
	MaxWait time.Duration
	// Progress hears each step starting and each wait attempt.
	Progress func(Progress)
	// Save stores the tested connection (settings and keychain).
	Save func(keystore.Profile, keystore.Secrets) error
}

// Setup runs the steps.
type Setup struct{ deps Deps }

// New returns a Setup with deps.
func New(deps Deps) *Setup {
	if deps.Clock == nil {
		deps.Clock = realClock{}
	}
	if deps.MaxWait <= 0 {
		deps.MaxWait = DefaultMaxWait
	}
	return &Setup{deps: deps}
}

// Start checks req and runs every step. On failure the error is a *Failure
// whose State can be passed to Continue or Remove.
func (s *Setup) Start(ctx context.Context, req Request) (Result, error) {
	req, err := req.withDefaults()
	if err != nil {
		return Result{}, err
	}
	return s.Continue(ctx, &State{Request: req})
}

// Continue runs the steps from st.Next on.
func (s *Setup) Continue(ctx context.Context, st *State) (Result, error) {
	for st.Next < stepDone {
		s.progress(Progress{Step: st.Next})
		if err := s.run(ctx, st); err != nil {
			return Result{}, s.failure(st, err)
		}
		st.Next++
	}
	return Result{Profile: st.profile(), Report: st.report, Created: st.Created, Notes: st.Notes}, nil
}

func (s *Setup) run(ctx context.Context, st *State) error {
	switch st.Next {
	case StepSignIn:
		return s.signIn(ctx, st)
	case StepLookUp:
		return s.lookUp(ctx, st)
	case StepRegister:
		return s.register(ctx, st)
	case StepPrincipal:
		return s.principal(ctx, st)
	case StepSecret:
		return s.addCredential(ctx, st)
	case StepConsent:
		return s.consent(ctx, st)
	case StepWait:
		return s.wait(ctx, st)
	case StepTest:
		return s.test(ctx, st)
	case StepSave:
		return s.deps.Save(st.profile(), st.secrets())
	}
	return nil
}

func (s *Setup) progress(p Progress) {
	if s.deps.Progress != nil {
		s.deps.Progress(p)
	}
}

// signIn signs the admin in with Microsoft Graph Command Line Tools.
func (s *Setup) signIn(ctx context.Context, st *State) error {
	r := st.Request
	session, err := s.engine().SignInOnce(ctx, connection.OneTimeSignIn{
		Endpoints: r.Endpoints, Tenant: r.Tenant, ClientID: CommandLineToolsClientID,
		Scopes: r.signInScopes(), OnURL: s.deps.OnURL,
	})
	if err != nil {
		return err
	}
	st.setup, st.TenantID = session, session.Claims.TenantID
	return nil
}

// engine is the connection engine that signs in for setup and tests the
// new app; setup builds no token sources of its own. It shares setup's
// clock, which dates the new certificate and its assertions alike.
func (s *Setup) engine() *connection.Engine {
	return &connection.Engine{HTTPClient: s.deps.HTTPClient, OpenURL: s.deps.OpenURL, LoginTimeout: s.deps.LoginTimeout,
		Clock: s.deps.Clock}
}

// graphClient is Graph as the admin who signed in for setup.
func (s *Setup) graphClient(st *State) (*graph.Client, error) {
	if st.setup == nil {
		return nil, errors.New("not signed in")
	}
	return st.setup.Graph, nil
}

// secrets are what the keychain keeps of the new connection: the secret,
// the certificate's key or the browser sign-in's refresh token.
func (st *State) secrets() keystore.Secrets {
	sec := keystore.Secrets{ClientSecret: st.secret, RefreshToken: st.refresh}
	if st.cert != nil {
		sec.CertificateKey = st.cert.KeyText()
	}
	return sec
}

// profile is the connection to save.
func (st *State) profile() keystore.Profile {
	r := st.Request
	p := keystore.Profile{
		Name: r.Name, Cloud: r.Endpoints.Cloud, Authority: r.Endpoints.Authority, Graph: r.Endpoints.Graph,
		Tenant: st.TenantID, ClientID: st.Created.AppID, Method: keystore.MethodClientSecret,
		AppObjectID: st.Created.AppObjectID,
	}
	switch r.Method {
	case MethodBrowser:
		p.Method, p.Permissions = keystore.MethodBrowser, Permissions(r.Features)
		return p
	case MethodCertificate:
		p.Method = keystore.MethodCertificate
		if st.cert != nil {
			p.Certificate = &keystore.CertificateSettings{DER: st.cert.DER, Thumbprint: st.Created.CertificateThumbprint,
				KeyID: st.Created.CertificateKeyID, Expires: st.Created.CertificateExpires}
		}
		return p
	}
	exp := st.Created.SecretExpires
	p.SecretExpires, p.SecretKeyID = &exp, st.Created.SecretKeyID
	return p
}
