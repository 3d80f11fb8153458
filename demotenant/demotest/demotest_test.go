package demotest_test

import (
	"net/http"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
)

// A tenant started for a test answers during it and is gone after it, so
// no test leaves a server running for the next.
func TestStartClosesTheTenantWhenTheTestEnds(t *testing.T) {
	var url string
	t.Run("inside", func(t *testing.T) {
		srv := demotest.Start(t, demotenant.Options{})
		url = srv.URL() + "/" + srv.Info().TenantID + "/v2.0/.well-known/openid-configuration"
		resp, err := http.Get(url)
		if err != nil {
			t.Fatalf("the running tenant does not answer: %v", err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("discovery answered %d", resp.StatusCode)
		}
	})
	if resp, err := http.Get(url); err == nil {
		_ = resp.Body.Close()
		t.Errorf("the tenant still answers after its test ended (%d)", resp.StatusCode)
	}
}

func TestAppFindsTheMainAppByName(t *testing.T) {
	info := demotest.Start(t, demotenant.Options{}).Info()
	if app := demotest.App(t, info, "Entra Setup Wizard"); app.ClientID != info.ClientID {
		t.Errorf("the app named Entra Setup Wizard has client ID %q, want the main app's %q", app.ClientID, info.ClientID)
	}
}
