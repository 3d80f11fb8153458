package demotenant

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Scenario names accepted by Options.Scenario.
const (
	// ScenarioDefault is a tenant of 250 users and 12 groups whose main app is
	// granted every application permission the program uses.
	ScenarioDefault = "default"
	// ScenarioReadOnly is the default tenant, with Info describing an app
	// granted only User.Read.All and Group.Read.All.
	ScenarioReadOnly = "readonly"
	// ScenarioNoConsent is the default tenant, with Info describing an app
	// that no administrator has consented to: its tokens carry no roles.
	ScenarioNoConsent = "noconsent"
	// ScenarioLarge is a tenant of 20,000 users and 300 groups, one of which
	// has 5,000 members, granted every permission like the default.
	ScenarioLarge = "large"
)

// Scenarios lists the accepted scenario names, default first.
var Scenarios = []string{ScenarioDefault, ScenarioReadOnly, ScenarioNoConsent, ScenarioLarge}

// Options configure a demo tenant. The zero value is a default tenant on a
// random loopback port.
type Options struct {
	// Addr is the loopback address to listen on; "" means 127.0.0.1:0.
	// Non-loopback addresses are refused.
	Addr string
	// Scenario is one of Scenarios; "" means ScenarioDefault.
	Scenario string

	// AutoSignIn makes the authorize endpoint skip the sign-in and consent
	// page and redirect at once, signing in the user named by login_hint or,
	// without one, the tenant's administrator. Tests use it; people don't.
	AutoSignIn bool

	// Latency delays every response by this much.
	Latency time.Duration
	// ThrottleEvery answers every Nth Graph request with 429 Too Many
	// Requests and a Retry-After header; 0 disables throttling.
	ThrottleEvery int
	// RetryAfter is the Retry-After value in seconds for throttled answers;
	// 0 means 1.
	RetryAfter int
	// ThrottleBatchPartEvery answers every Nth request inside a $batch
	// with 429 and a Retry-After header of its own while the batch itself
	// succeeds, as Graph throttles the parts of a batch one by one; 0
	// disables it.
	ThrottleBatchPartEvery int
	// DropEvery closes the connection without answering on every Nth Graph
	// request; 0 disables it.
	DropEvery int

	// ReplicationDelay is how long a new app registration and a new client
	// secret take to reach the sign-in service: for the first half of it
	// the app is unknown (AADSTS700016), until its end the secret is
	// refused (AADSTS7000215).
	ReplicationDelay time.Duration
	// RestrictCommandLineTools makes Microsoft Graph Command Line Tools
	// require user assignment with nobody assigned, as a tenant that
	// blocks the client does: its sign-ins end with AADSTS50105.
	RestrictCommandLineTools bool
	// NoUserConsent is the user consent setting "Do not allow user
	// consent": people who are not administrators may consent to nothing,
	// not even the sign-in scopes openid, profile and offline_access, and
	// get "Need admin approval" instead.
	NoUserConsent bool
	// OtherAdminEvery makes a second, background administrator change a
	// user or group this often (create, update, membership, delete, in a
	// cycle), so change feeds have something to show; 0 disables it.
	OtherAdminEvery time.Duration

	// AppPolicy is the tenant's default app management policy: what it
	// restricts for apps created through Graph while it runs.
	AppPolicy AppPolicy

	// OrganizationName replaces the tenant's name (Northwind Traders
	// (demo)) as Graph and the sign-in page show it; tests use it for
	// names a hostile tenant could choose.
	OrganizationName string

	// Now returns the current time; nil means time.Now. Tests use it to
	// expire tokens and secrets.
	Now func() time.Time
}

// Info describes a running tenant: where it listens and the credentials of the
// app the scenario is about. Its JSON form is the line `entra-wizard
// demo-tenant` prints.
type Info struct {
	Authority      string `json:"authority"`
	Graph          string `json:"graph"`
	TenantID       string `json:"tenantId"`
	TenantDomain   string `json:"tenantDomain"`
	ClientID       string `json:"clientId"`
	ClientSecret   string `json:"clientSecret"`
	PublicClientID string `json:"publicClientId"`

	// Apps lists every app registered in the tenant, for tests that need an
	// app other than the scenario's own.
	Apps []AppInfo `json:"-"`
	// Users lists the accounts the sign-in page offers.
	Users []SignInUser `json:"-"`
}

// AppInfo describes one app registration of the demo tenant.
type AppInfo struct {
	Name     string
	ClientID string
	// Secret is a valid client secret; "" for public clients.
	Secret string
	// ExpiredSecret is a client secret that has expired; "" if none.
	ExpiredSecret string
	// Public reports whether the app is a public client (mobile and
	// desktop redirect, no secret needed).
	Public bool
	// Roles are the Graph application permissions granted to the app.
	Roles []string
	// Scopes are the delegated Graph permissions consented for the app.
	Scopes []string
}

// SignInUser is an account that can sign in on the demo sign-in page.
type SignInUser struct {
	UPN      string
	Password string
	// Admin reports whether the account is a Global Administrator.
	Admin bool
	// Note says what a Conditional Access policy does to the account's
	// sign-ins, e.g. "blocked by a Conditional Access policy"; "" if nothing.
	Note string
}

// Server is a running demo tenant.
type Server struct {
	opts     Options
	listener net.Listener
	http     *http.Server
	baseURL  string

	// keyReady closes once key (or keyErr) is set: the signing key is
	// made in the background, so that starting the tenant (and the app
	// with --demo) does not wait for RSA key generation.
	keyReady chan struct{}
	key      *rsa.PrivateKey
	keyErr   error
	kid      string

	mu    sync.Mutex // guards dir and the login state below
	dir   *directory
	login loginState

	requests      atomic.Int64 // every request served
	graphRequests atomic.Int64 // Graph requests, for throttling and drops
	graphWrites   atomic.Int64 // Graph requests and $batch parts that may change something
	batchParts    atomic.Int64 // requests inside a $batch, for their throttling
	tokenRequests atomic.Int64

	other otherAdmin
}

// Start builds the scenario's directory and serves it on a loopback listener.
// Close the Server when done.
func Start(opts Options) (*Server, error) {
	if opts.Scenario == "" {
		opts.Scenario = ScenarioDefault
	}
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.RetryAfter <= 0 {
		opts.RetryAfter = 1
	}
	if err := checkLoopback(opts.Addr); err != nil {
		return nil, err
	}
	dir, err := newDirectory(opts.Scenario)
	if err != nil {
		return nil, err
	}
	if opts.OrganizationName != "" {
		dir.orgName = opts.OrganizationName
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("demotenant: listen: %w", err)
	}
	s := &Server{
		opts:     opts,
		listener: ln,
		baseURL:  "http://" + ln.Addr().String(),
		keyReady: make(chan struct{}),
		kid:      "demo-" + dir.tenantID[:8],
		dir:      dir,
	}
	s.http = &http.Server{
		Handler:           s.handler(),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go func() {
		s.key, s.keyErr = rsa.GenerateKey(rand.Reader, 2048)
		close(s.keyReady)
	}()
	go func() { _ = s.http.Serve(ln) }()
	s.startOtherAdmin()
	return s, nil
}

// signingKey waits for the tenant's token signing key.
func (s *Server) signingKey() (*rsa.PrivateKey, error) {
	<-s.keyReady
	if s.keyErr != nil {
		return nil, fmt.Errorf("demotenant: signing key: %w", s.keyErr)
	}
	return s.key, nil
}

// URL is the base URL of the tenant, e.g. http://127.0.0.1:41234. Both the
// login endpoints and Graph (under /v1.0) are served from it.
func (s *Server) URL() string { return s.baseURL }

// Close stops the server at once.
func (s *Server) Close() error {
	s.stopOtherAdmin()
	return s.http.Close()
}

// Shutdown stops the server gracefully.
func (s *Server) Shutdown(ctx context.Context) error {
	s.stopOtherAdmin()
	return s.http.Shutdown(ctx)
}

// Requests reports how many HTTP requests the tenant has answered, including
// throttled ones: benchmarks count round trips with it.
func (s *Server) Requests() int64 { return s.requests.Load() }

// GraphRequests reports how many Microsoft Graph requests the tenant has
// received; a $batch counts once.
func (s *Server) GraphRequests() int64 { return s.graphRequests.Load() }

// TokenRequests reports how many token requests the tenant has received.
func (s *Server) TokenRequests() int64 { return s.tokenRequests.Load() }

// GraphWrites counts the Graph requests other than reads, each part of a
// $batch on its own, so a test can tell that nothing was asked to change.
func (s *Server) GraphWrites() int64 { return s.graphWrites.Load() }

func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("demotenant: address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return errors.New("demotenant: the demo tenant listens on loopback addresses only (127.0.0.1, ::1 or localhost)")
	}
	return nil
}
