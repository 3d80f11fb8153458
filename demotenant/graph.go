package demotenant

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// graphJSONType is the Content-Type of Graph's JSON answers.
const graphJSONType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"

// graphVersions are the URL prefixes Graph is served under. The beta
// endpoint answers exactly like v1.0.
var graphVersions = []string{"/v1.0", "/beta"}

// graphRoute is one Graph operation: a method and path below the version
// prefix, and the handler that answers it.
type graphRoute struct {
	Method  string
	Path    string
	Handler func(*graphCall) error
	// Unlocked handlers take Server.mu themselves ($batch does, per part).
	Unlocked bool
}

// graphCall is one Graph request being answered.
type graphCall struct {
	s *Server
	w http.ResponseWriter
	r *http.Request
	p *principal
	// version is the prefix the request came under, e.g. "/v1.0".
	version string
}

// graphCaller travels in the request context from authentication to the
// handlers, through $batch as well.
type graphCaller struct {
	p       *principal
	version string
}

type graphCallerKey struct{}

// registerGraph adds the Microsoft Graph endpoints to mux, which serves
// Graph paths only. Every version prefix leads to the same routes.
func (s *Server) registerGraph(mux *http.ServeMux) {
	api := http.NewServeMux()
	for _, rt := range append(s.graphRoutes(api), s.deltaRoutes()...) {
		api.Handle(rt.Method+" "+rt.Path, s.graphHandler(rt))
	}
	api.Handle("/", graphFallback(api))
	for _, v := range graphVersions {
		mux.Handle(v+"/", s.graphEntry(v, api))
	}
}

// graphEntry counts the request, applies the fault knobs, authenticates the
// caller and hands the request, without its version prefix, to api.
func (s *Server) graphEntry(version string, api http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.graphRequests.Add(1)
		if every := int64(s.opts.DropEvery); every > 0 && n%every == 0 {
			dropConnection(w)
			return
		}
		setRequestIDs(w, r)
		if every := int64(s.opts.ThrottleEvery); every > 0 && n%every == 0 {
			w.Header().Set("Retry-After", strconv.Itoa(s.opts.RetryAfter))
			writeGraphError(w, errThrottled)
			return
		}
		p, err := s.authenticate(r)
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="", authorization_uri="`+s.baseURL+`/common/oauth2/authorize", client_id="`+graphAppID+`"`)
			writeGraphError(w, odata.NewError(http.StatusUnauthorized, "InvalidAuthenticationToken", "%s", err.Error()))
			return
		}
		ctx := context.WithValue(r.Context(), graphCallerKey{}, graphCaller{p: p, version: version})
		http.StripPrefix(version, api).ServeHTTP(w, r.WithContext(ctx))
	})
}

// graphHandler runs one route's handler with the directory locked and turns
// a returned error into Graph's error answer.
func (s *Server) graphHandler(rt graphRoute) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		caller, ok := r.Context().Value(graphCallerKey{}).(graphCaller)
		if !ok {
			writeGraphError(w, odata.NewError(http.StatusUnauthorized, "InvalidAuthenticationToken", "Access token is empty."))
			return
		}
		c := &graphCall{s: s, w: w, r: r, p: caller.p, version: caller.version}
		if rt.Method != http.MethodGet && !rt.Unlocked {
			s.graphWrites.Add(1)
		}
		if !rt.Unlocked {
			s.mu.Lock()
			defer s.mu.Unlock()
		}
		if err := rt.Handler(c); err != nil {
			var ge *odata.Error
			if !errors.As(err, &ge) {
				ge = odata.NewError(http.StatusInternalServerError, "InternalServerError", "%s", err.Error())
			}
			writeGraphError(w, ge)
		}
	})
}

// graphFallback answers requests no route matched: a known path with
// another method, or a path Graph does not have.
func graphFallback(api *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		probe := r.Clone(r.Context())
		for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodDelete} {
			probe.Method = m
			if _, pattern := api.Handler(probe); pattern != "/" && pattern != "" {
				writeGraphError(w, odata.NewError(http.StatusMethodNotAllowed, "Request_BadRequest",
					"The HTTP method '%s' is not allowed for the request URI.", r.Method))
				return
			}
		}
		segments := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
		writeGraphError(w, odata.NewError(http.StatusBadRequest, "BadRequest",
			"Resource not found for the segment '%s'.", segments[len(segments)-1]))
	})
}

// dropConnection closes the client's connection without answering, as a
// failing network would.
func dropConnection(w http.ResponseWriter) {
	if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
		_ = conn.Close()
		return
	}
	panic(http.ErrAbortHandler)
}
