package connection

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/entra-wizard/entra-wizard/keystore"
)

// EndpointsChangedError says a saved connection's settings were changed to
// send its secret somewhere else than it was saved for (by hand, or by
// something that can write the settings file): the keychain keeps the
// secret, and nothing is sent. Connecting again saves it for the new
// address. It wraps keystore.ErrEndpointsChanged.
type EndpointsChangedError struct {
	Name       string
	Now, Saved string // the hosts, in words
	Err        error
}

func (e *EndpointsChangedError) Error() string {
	return fmt.Sprintf("the settings for %q point to %s, but its secret was saved for %s; connect again to use the new address",
		e.Name, e.Now, e.Saved)
}

func (e *EndpointsChangedError) Unwrap() error { return e.Err }

// explainEndpointsChanged names the hosts on both sides of keystore's
// refusal, resolving a cloud's name to its sign-in and Graph hosts.
func (e *Engine) explainEndpointsChanged(err error) error {
	var changed *keystore.EndpointsChangedError
	if !errors.As(err, &changed) {
		return err
	}
	return &EndpointsChangedError{Name: changed.Name, Now: e.hostsOf(changed.Now), Saved: e.hostsOf(changed.Saved), Err: err}
}

func (e *Engine) hostsOf(d keystore.Destination) string {
	if d.Cloud == keystore.CloudCustom || d.IsLDAP() {
		return d.Hosts()
	}
	ep, err := Resolve(d.Cloud, "", "", e.Demo)
	if err != nil {
		return d.Hosts()
	}
	a, g := host(ep.Authority), host(ep.Graph)
	if a == g {
		return a
	}
	return a + " (sign-in) and " + g + " (Graph)"
}

func host(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}
