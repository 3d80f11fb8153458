package connection

import (
	"errors"
	"fmt"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// DemoTenant is the embedded demo tenant running now, as the program
// sees it: its addresses (a new port every run, so saved demo connections
// store none) and its apps, whose values the setup wizard fills in. main
// builds it once from the running tenant; everything else passes it on.
type DemoTenant struct {
	Authority, Graph string
	TenantDomain     string
	// ClientID and ClientSecret are the demo's confidential app, for a
	// client secret or a certificate; PublicClientID its app for browser
	// sign-in.
	ClientID, ClientSecret string
	PublicClientID         string
	// UploadCertificate registers a certificate (DER) on the confidential
	// app, as an admin does in the portal; nil when it cannot.
	UploadCertificate func(der []byte) error
}

// ErrDemoNotRunning is returned for a demo connection while no demo tenant
// runs.
var ErrDemoNotRunning = errors.New("it is a connection to the built-in demo tenant, which runs only while the program does: open it with entra-wizard --demo")

// Resolve turns where a connection goes into its endpoints: cloud is a
// Microsoft cloud's name ("" is the global cloud), keystore.CloudCustom with
// the authority and graph addresses given, or keystore.CloudDemo, which
// takes the addresses of demo (nil when no demo tenant runs). It is the only
// place that decides which hosts a connection's secrets and tokens go to.
func Resolve(cloud, authority, graph string, demo *DemoTenant) (oauth.Endpoints, error) {
	switch cloud {
	case keystore.CloudDemo:
		if demo == nil {
			return oauth.Endpoints{}, ErrDemoNotRunning
		}
		return oauth.CustomEndpoints(demo.Authority, demo.Graph)
	case keystore.CloudCustom:
		return oauth.CustomEndpoints(authority, graph)
	}
	return oauth.EndpointsFor(cloud)
}

// resolveProfile resolves a saved connection's endpoints, naming it in the
// error.
func (e *Engine) resolveProfile(p keystore.Profile) (oauth.Endpoints, error) {
	ep, err := Resolve(p.Cloud, p.Authority, p.Graph, e.Demo)
	if err == nil {
		// Custom hosts were allowed when the connection was saved; a
		// Microsoft endpoint paired with a foreign one never is.
		err = oauth.CheckEndpoints(ep, true)
	}
	if err != nil {
		return oauth.Endpoints{}, fmt.Errorf("connection %q: %w", p.Name, err)
	}
	return ep, nil
}
