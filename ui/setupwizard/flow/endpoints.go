package flow

import (
	"errors"
	"fmt"
	"strings"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// Custom addresses that are neither a Microsoft cloud's nor this
// computer's would receive the client secret and sign-in tokens, so the
// admin must trust them by name: the trust given is for the hosts named
// then, and typing another host asks again.

// CustomHosts names the hosts of the typed custom addresses that are
// neither Microsoft's nor this computer's, joined with " and "; "" when
// there are none or the addresses are not valid yet.
func (s State) CustomHosts() string {
	if s.Cloud != keystore.CloudCustom {
		return ""
	}
	ep, err := connection.Resolve(keystore.CloudCustom, trimmed(s.Authority), trimmed(s.Graph), nil)
	if err != nil || oauth.CheckEndpoints(ep, true) != nil {
		return "" // a mixed pair is refused whatever the admin trusts
	}
	return strings.Join(oauth.CustomHosts(ep), " and ")
}

// CustomHostsTrusted reports whether the admin trusted the custom hosts
// typed now (true when there are none).
func (s State) CustomHostsTrusted() bool {
	hosts := s.CustomHosts()
	return hosts == "" || s.TrustedHosts == hosts
}

// customEndpointsError is what keeps the custom addresses from being used:
// a Microsoft address paired with someone else's, or hosts not trusted yet.
func (w *Wizard) customEndpointsError() string {
	st := w.State
	if w.endpointError(FieldAuthority) != "" || w.endpointError(FieldGraph) != "" {
		return "" // the address fields say what is wrong
	}
	ep, err := connection.Resolve(keystore.CloudCustom, trimmed(st.Authority), trimmed(st.Graph), nil)
	if err != nil {
		return sentence(err.Error())
	}
	err = oauth.CheckEndpoints(ep, st.CustomHostsTrusted())
	switch {
	case errors.Is(err, oauth.ErrCustomEndpoints):
		return fmt.Sprintf("%s is not a Microsoft address. Tick the box to trust it with the client secret and tokens, or choose a Microsoft cloud.", st.CustomHosts())
	case errors.Is(err, oauth.ErrMixedEndpoints):
		return fmt.Sprintf("The sign-in address and the Graph address belong to different services (%s and %s). Give both addresses of one service, or choose a Microsoft cloud.",
			hostOf(ep.Authority), hostOf(ep.Graph))
	case err != nil:
		return sentence(err.Error())
	}
	return ""
}

func hostOf(raw string) string {
	_, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	host, _, _ := strings.Cut(rest, "/")
	return host
}
