package oauth

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Where a client secret or token may go: a Microsoft cloud's own sign-in
// and Graph hosts, or this computer (the demo tenant, tests). Any other
// host receives them only when the person explicitly allowed it, and a
// Microsoft sign-in is never paired with someone else's Graph (nor the
// other way round), which would hand Microsoft-issued tokens to a stranger.

// ErrCustomEndpoints means the endpoints are neither a Microsoft cloud's
// nor this computer's, and nobody allowed them.
var ErrCustomEndpoints = errors.New("these endpoints are not Microsoft's")

// ErrMixedEndpoints means a Microsoft endpoint was paired with one that
// does not belong to the same cloud.
var ErrMixedEndpoints = errors.New("the sign-in and Graph endpoints belong to different services")

// CheckEndpoints applies that rule to e. allowCustom is the person's
// explicit choice to trust hosts that are not Microsoft's (the command
// line's --allow-custom-endpoints, the window's warning accepted).
func CheckEndpoints(e Endpoints, allowCustom bool) error {
	a, g := hostOf(e.Authority), hostOf(e.Graph)
	for _, c := range Clouds {
		if c.signInHost(a) && g == hostOf(c.GraphURL) {
			return nil
		}
	}
	if isLoopbackHost(a) && isLoopbackHost(g) {
		return nil
	}
	if microsoftHost(a) || microsoftHost(g) {
		return fmt.Errorf("%w: the sign-in authority %s cannot be used with the Graph address %s; choose a cloud, or give both endpoints of one service",
			ErrMixedEndpoints, a, g)
	}
	if allowCustom {
		return nil
	}
	return fmt.Errorf("%w: %s is neither a Microsoft cloud nor this computer, and would receive the client secret and tokens. If you trust it (your own proxy or test tenant), allow custom endpoints explicitly",
		ErrCustomEndpoints, strings.Join(CustomHosts(e), " and "))
}

// CustomHosts lists the hosts of e that are neither a Microsoft cloud's
// nor loopback, for a warning that names them.
func CustomHosts(e Endpoints) []string {
	var out []string
	for _, h := range []string{hostOf(e.Authority), hostOf(e.Graph)} {
		if h != "" && !microsoftHost(h) && !isLoopbackHost(h) && (len(out) == 0 || out[0] != h) {
			out = append(out, h)
		}
	}
	return out
}

// microsoftHost reports a host of one of the known clouds.
func microsoftHost(host string) bool {
	for _, c := range Clouds {
		if c.signInHost(host) || host == hostOf(c.GraphURL) {
			return true
		}
	}
	return false
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}
