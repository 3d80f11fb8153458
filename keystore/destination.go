package keystore

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Every secret is kept in the keychain together with the place it was
// saved for (the cloud, the custom endpoints, or the LDAP server), and is
// released only while the settings file still points there. The settings
// file is plain JSON that anything can edit; the keychain is not, so
// editing the file cannot send a saved secret to another host.
//
// An entry that records no destination (written by something else than
// this program) is never released: binding it to whatever the settings
// name when it is first read would trust an edited file. Connecting again
// saves it anew.

// boundPrefix starts a keychain value that records its destination: the
// prefix, the destination as one line of JSON, a line break, the secret.
const boundPrefix = "entra-wizard-for:1:"

// ErrEndpointsChanged means the settings of a connection point somewhere
// else than the place its secret was saved for. The error carrying it is an
// *EndpointsChangedError.
var ErrEndpointsChanged = errors.New("the connection's settings point to another address than its secret was saved for")

// Destination is where a saved secret may be sent.
type Destination struct {
	// Cloud is a cloud's name ("global" for ""), CloudCustom, CloudDemo or
	// MethodLDAP.
	Cloud string `json:"cloud"`
	// Authority and Graph are the custom endpoints (CloudCustom only).
	Authority string `json:"authority,omitempty"`
	Graph     string `json:"graph,omitempty"`
	// Server is "host:port" of a secure LDAP connection, and Fingerprint
	// the certificate it was pinned to ("" when its certificate is from a
	// trusted authority): the bind password goes only to a server that
	// shows the certificate it was saved with.
	Server      string `json:"server,omitempty"`
	Fingerprint string `json:"fingerprint,omitempty"`
}

// IsLDAP reports whether d is a secure LDAP server rather than Entra ID and
// Microsoft Graph.
func (d Destination) IsLDAP() bool { return d.Cloud == MethodLDAP }

// DestinationOf is where the secrets of p may be sent, as its settings say.
func DestinationOf(p Profile) Destination {
	switch {
	case p.Method == MethodLDAP && p.LDAP != nil:
		return Destination{Cloud: MethodLDAP, Server: strings.ToLower(p.LDAP.Server) + ":" + strconv.Itoa(p.LDAP.Port),
			Fingerprint: normalFingerprint(p.LDAP.Fingerprint)}
	case p.Cloud == CloudCustom:
		return Destination{Cloud: CloudCustom, Authority: normalEndpoint(p.Authority), Graph: normalEndpoint(p.Graph)}
	case p.Cloud == "":
		return Destination{Cloud: "global"}
	}
	// A named cloud or the demo tenant: the program, not the file, knows
	// their addresses.
	return Destination{Cloud: p.Cloud}
}

// normalFingerprint writes a fingerprint as AB:CD:..., however it was
// typed (cases, colons, spaces), so that only another certificate counts
// as a change.
func normalFingerprint(raw string) string {
	hex := strings.ToUpper(strings.NewReplacer(":", "", " ", "", "-", "").Replace(raw))
	var b strings.Builder
	for i := 0; i < len(hex); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(hex[i:min(i+2, len(hex))])
	}
	return b.String()
}

func normalEndpoint(raw string) string {
	return strings.ToLower(strings.TrimRight(strings.TrimSpace(raw), "/"))
}

// Hosts names the place in words: host names for custom endpoints, the
// cloud's name otherwise.
func (d Destination) Hosts() string {
	switch d.Cloud {
	case CloudCustom:
		a, g := hostOf(d.Authority), hostOf(d.Graph)
		if a == g {
			return a
		}
		return a + " (sign-in) and " + g + " (Graph)"
	case MethodLDAP:
		if d.Fingerprint == "" {
			return d.Server + " (a certificate from a trusted authority)"
		}
		return d.Server + " (the certificate with SHA-256 fingerprint " + d.Fingerprint + ")"
	case CloudDemo:
		return "the built-in demo tenant"
	}
	return "the Microsoft cloud " + strconv.Quote(d.Cloud)
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return strconv.Quote(raw)
}

// EndpointsChangedError says the settings of connection Name point to Now,
// but its secret was saved for Saved: the secret is not released.
type EndpointsChangedError struct {
	Name       string
	Saved, Now Destination
}

func (e *EndpointsChangedError) Error() string {
	return fmt.Sprintf("the settings for %q point to %s, but its secret was saved for %s; connect again to use the new address",
		e.Name, e.Now.Hosts(), e.Saved.Hosts())
}

// Is makes errors.Is(err, ErrEndpointsChanged) true.
func (e *EndpointsChangedError) Is(target error) bool { return target == ErrEndpointsChanged }

// bindValue is the keychain value that keeps secret for d.
func bindValue(d Destination, secret string) string {
	head, _ := json.Marshal(d) // plain strings: cannot fail, and has no line break
	return boundPrefix + string(head) + "\n" + secret
}

// unbindValue splits a keychain value into its destination and secret; d is
// nil for a value that records none.
func unbindValue(value string) (d *Destination, secret string) {
	rest, ok := strings.CutPrefix(value, boundPrefix)
	if !ok {
		return nil, value
	}
	head, secret, ok := strings.Cut(rest, "\n")
	var dest Destination
	if !ok || json.Unmarshal([]byte(head), &dest) != nil || dest.Cloud == "" {
		return nil, value
	}
	return &dest, secret
}
