package demotest

import (
	"io"
	"net/http"
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// Start runs a demo tenant with opts for one test or benchmark and closes
// it when that ends. A tenant that cannot start fails the test.
func Start(tb testing.TB, opts demotenant.Options) *demotenant.Server {
	tb.Helper()
	srv, err := demotenant.Start(opts)
	if err != nil {
		tb.Fatalf("starting the demo tenant: %v", err)
	}
	tb.Cleanup(func() { _ = srv.Close() })
	return srv
}

// Browse loads the address in the background and follows its redirects, as
// the browser a sign-in opens does: a tenant started with AutoSignIn signs
// in at once and sends it on to the sign-in's loopback listener. Like
// opening a browser, it returns before the page has loaded, and never fails.
func Browse(url string) error {
	go Visit(url)
	return nil
}

// Visit loads the address and follows its redirects, returning when the
// last page has been read.
func Visit(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}

// App is the tenant's app called name; a tenant without one fails the test.
func App(tb testing.TB, info demotenant.Info, name string) demotenant.AppInfo {
	tb.Helper()
	i := slices.IndexFunc(info.Apps, func(a demotenant.AppInfo) bool { return a.Name == name })
	if i < 0 {
		tb.Fatalf("the demo tenant has no app named %q", name)
	}
	return info.Apps[i]
}
