package panel

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// retestLabel is the Test again button's text while no test runs.
const retestLabel = "Test again"

// onRetest tests the current connection again; the status line says it
// is testing, and then what the new test found and when.
func (b *connectionBar) onRetest() {
	b.retesting = true
	b.open(b.current)
}

// testedAgain starts the outcome of a test run by Test again, so that an
// answer like the one before still reads as new; "" for a first open.
func testedAgain(again bool) string {
	if !again {
		return ""
	}
	return "Tested again at " + time.Now().Format("15:04") + ": "
}

// summary says in one line whom the connection reaches, as whom, and
// what it may do.
func (b *connectionBar) summary(name string, r graph.Report) string {
	ok := 0
	for _, f := range r.Features {
		if f.OK {
			ok++
		}
	}
	s := "Connected to " + b.tenantName(name, r)
	if r.SignedInAs != "" {
		s += ", signed in as " + r.SignedInAs
	}
	s += fmt.Sprintf(". %d of %d features available", ok, len(r.Features))
	if ok < len(r.Features) {
		return s + "; disabled actions say which permission they need."
	}
	return s + "."
}

// tenantName names the tenant: the organization's name when the
// connection may read it, else the domain the connection was saved with (not its ID),
// else its ID with the reason its name is not shown.
func (b *connectionBar) tenantName(name string, r graph.Report) string {
	if r.Organization != "" {
		return r.Organization
	}
	if p, ok := b.profile(name); ok && p.Tenant != "" && uuid.Validate(p.Tenant) != nil {
		return p.Tenant
	}
	return "tenant " + r.TenantID + " (reading its name needs Organization.Read.All)"
}

// profile finds a saved connection by name.
func (b *connectionBar) profile(name string) (keystore.Profile, bool) {
	if b.p.cfg.Connections == nil {
		return keystore.Profile{}, false
	}
	profiles, err := b.p.cfg.Connections.List()
	if err != nil {
		return keystore.Profile{}, false
	}
	for _, p := range profiles {
		if p.Name == name {
			return p, true
		}
	}
	return keystore.Profile{}, false
}
