package graph_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// TestCreatedUsersWhoseAnswerWasLostCountAsCreated sends the creations
// through a peer that passes the first $batch on to the tenant and then
// drops the connection instead of answering: the batch is sent again, its
// users now exist, and they are reported as created (with the passwords
// of this run), not as users who were there before.
func TestCreatedUsersWhoseAnswerWasLostCountAsCreated(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	target, _ := url.Parse(tn.info.Graph)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var batches atomic.Int32
	lossy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Host = target.Host // the tenant answers only requests addressed to it
		if !strings.HasSuffix(r.URL.Path, "/$batch") || batches.Add(1) != 1 {
			proxy.ServeHTTP(w, r)
			return
		}
		proxy.ServeHTTP(httptest.NewRecorder(), r) // the tenant does the work; the answer is lost
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	t.Cleanup(lossy.Close)
	ep, err := oauth.CustomEndpoints(tn.info.Authority, lossy.URL)
	if err != nil {
		t.Fatal(err)
	}
	c, err := graph.New(graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: tn.tokens(tn.info.ClientID, tn.info.ClientSecret),
		HTTPClient: &http.Client{}, Clock: tn.clock})
	if err != nil {
		t.Fatal(err)
	}
	users := newUsers(tn, "lost", 3)
	for _, r := range c.CreateUsers(context.Background(), users, nil) {
		if r.Err != nil || r.Already {
			t.Errorf("%s: err %v, already %v; want created", r.ID, r.Err, r.Already)
		}
	}
	if batches.Load() != 2 {
		t.Errorf("%d batches sent; want the lost one sent again", batches.Load())
	}
}
