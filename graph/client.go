package graph

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	khttp "github.com/microsoft/kiota-http-go"
	msgraph "github.com/microsoftgraph/msgraph-sdk-go"
	core "github.com/microsoftgraph/msgraph-sdk-go-core"
	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/internal/bodycap"
)

// Config says where Microsoft Graph is and how to authenticate to it.
type Config struct {
	// BaseURL is Graph's versioned root, e.g.
	// https://graph.microsoft.com/v1.0 or http://127.0.0.1:PORT/v1.0.
	BaseURL string
	// TokenSource gives the bearer tokens sent to Graph.
	TokenSource oauth2.TokenSource
	// HTTPClient carries the requests; nil means a default client. Its
	// Transport becomes the bottom of the SDK's middleware (retries,
	// redirects, compression), and its Timeout is kept.
	HTTPClient *http.Client
	// Clock waits out Retry-After and the pauses between resends; nil
	// means real time.
	Clock Clock
}

// Client performs directory operations on one tenant through Microsoft Graph.
// It is safe for concurrent use.
type Client struct {
	adapter *msgraph.GraphRequestAdapter
	baseURL string
	// http is the client with the SDK middleware, for the few requests the
	// SDK cannot express (paging by hand keeps headers on every page).
	http  *http.Client
	clock Clock
}

// New builds a client over msgraph-sdk-go. It makes no request.
func New(cfg Config) (*Client, error) {
	base, err := parseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.TokenSource == nil {
		return nil, errors.New("graph: no token source")
	}
	auth := newTokenAuth(cfg.TokenSource, base)
	clock := cfg.Clock
	if clock == nil {
		clock = realClock{}
	}
	httpClient := withMiddleware(cfg.HTTPClient, clock)
	adapter, err := msgraph.NewGraphRequestAdapterWithParseNodeFactoryAndSerializationWriterFactoryAndHttpClient(auth, nil, nil, httpClient)
	if err != nil {
		return nil, fmt.Errorf("graph: request adapter: %w", err)
	}
	baseURL := strings.TrimSuffix(base.String(), "/")
	// The base URL must be set before the service client copies it into
	// its path parameters.
	adapter.SetBaseUrl(baseURL)
	// No backing-store factory: the SDK's default is already in place, and
	// passing it again makes every new client rewrite a process-wide
	// variable that requests in flight on other clients are reading.
	// The call also registers the SDK's serializers, once per client.
	msgraph.NewGraphBaseServiceClient(adapter, nil)
	return &Client{
		adapter: adapter,
		baseURL: baseURL,
		http:    httpClient,
		clock:   clock,
	}, nil
}

// BaseURL is the Graph root the client talks to.
func (c *Client) BaseURL() string { return c.baseURL }

// parseBaseURL accepts https URLs and plain http on loopback hosts only, so a
// token never crosses the network unencrypted.
func parseBaseURL(raw string) (*url.URL, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, errors.New("graph: no Microsoft Graph address")
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("graph: %q is not a web address", raw)
	}
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && isLoopback(u.Hostname()):
	default:
		return nil, fmt.Errorf("graph: %q must use https (plain http only for this computer's loopback address)", raw)
	}
	return u, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// maxAnswer bounds what is read of one answer from Graph. The largest the
// program asks for is a page of 999 objects with a few properties each
// (about 1 MB), or a $batch of 20 small answers; 32 MiB is many times that,
// yet keeps a hostile or broken server from filling memory with one endless
// answer (decoding takes a few times the body's size).
const maxAnswer = 32 << 20

// withMiddleware returns a client whose transport runs Graph's default
// middleware (telemetry, same-origin redirects, headers) with our retryHandler
// (Retry-After on 429/503/504, waiting on clock) over the given client's
// transport. Request-body compression stays in the chain but switched off:
// the compressed body is not rewound when a request is resent after a 429,
// so a throttled PATCH would go out again with an empty body (the throttled
// bulk add test catches this). The bodies are small; nothing is lost.
func withMiddleware(given *http.Client, clock Clock) *http.Client {
	opts := msgraph.GetDefaultClientOptions()
	middleware := graphMiddleware(&opts, clock)
	out := core.GetDefaultClient(&opts, middleware...)
	var parent http.RoundTripper
	if given != nil {
		parent = given.Transport
	}
	if parent == nil {
		parent = khttp.GetDefaultTransport()
	}
	capped := bodycap.Transport{Next: parent, Limit: maxAnswer, Service: "Microsoft Graph"}
	out.Transport = khttp.NewCustomTransportWithParentTransport(resendDropped{next: capped, clock: clock}, middleware...)
	if given == nil {
		return out
	}
	if given.Timeout > 0 {
		out.Timeout = given.Timeout
	}
	out.Jar = given.Jar
	return out
}

// sdk is the SDK's fluent API over c's adapter. It is made on each use
// rather than kept in Client: a Client is used through interfaces, and a
// field of the service client's type would make the linker keep every
// request builder of the Graph API (about 80 MB) for reflection's sake.
func (c *Client) sdk() *msgraph.GraphServiceClient {
	return &msgraph.GraphServiceClient{GraphBaseServiceClient: msgraph.GraphBaseServiceClient{
		BaseRequestBuilder: abstractions.BaseRequestBuilder{
			RequestAdapter: c.adapter,
			UrlTemplate:    "{+baseurl}",
			PathParameters: map[string]string{"baseurl": c.baseURL},
		},
	}}
}

// graphMiddleware is msgraph-sdk-go-core's default chain with request
// compression disabled, our retryHandler in place of the SDK's, and no
// redirect followed to another origin.
func graphMiddleware(opts *core.GraphClientOptions, clock Clock) []khttp.Middleware {
	kiota, err := khttp.GetDefaultMiddlewaresWithOptions(khttp.NewCompressionOptionsReference(false))
	if err != nil {
		return append(withRetryHandler(core.GetDefaultMiddlewaresWithOptions(opts), clock), sameOriginRedirects{})
	}
	return append(append([]khttp.Middleware{
		core.NewGraphTelemetryHandler(opts),
		khttp.NewUrlReplaceHandler(true, core.ReplacementPairs),
	}, withRetryHandler(kiota, clock)...), sameOriginRedirects{})
}
