package cli

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/provision"
)

// connectionResult is what connect and status say about one connection. Its
// JSON form is the object DESIGN.md specifies, with exactly these fields.
type connectionResult struct {
	Name               string           `json:"name"`
	TenantID           string           `json:"tenantId"`
	ClientID           string           `json:"clientId"`
	Cloud              string           `json:"cloud"`
	Method             string           `json:"method"`
	OK                 bool             `json:"ok"`
	Organization       string           `json:"organization"`
	GrantedPermissions []string         `json:"grantedPermissions"`
	MissingPermissions []string         `json:"missingPermissions"`
	Error              *connectionError `json:"error"`
	// SecretExpires is when the client secret expires, for connections
	// made by setup or renewed.
	SecretExpires *time.Time `json:"secretExpires,omitempty"`
	// Credential is what the connection signs in with: "certificate",
	// "secret" or "browser"; CredentialExpires when it expires, when known.
	Credential        string     `json:"credential,omitempty"`
	CredentialExpires *time.Time `json:"credentialExpires,omitempty"`
	// CertificateThumbprint is the certificate's SHA-1 thumbprint, as the
	// portal shows it, for certificate connections.
	CertificateThumbprint string `json:"certificateThumbprint,omitempty"`

	features []graph.FeatureStatus
	// saved says where connect put the connection; nil if it did not.
	saved *keystore.Saved
	// notes are remarks for the readable report only.
	notes []string
}

// connectionError is a failure in the terms of the JSON output: the Entra
// (AADSTS...) or Graph error code, the service's message, and what to do.
type connectionError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Hint    string `json:"hint"`
	// link is a page about the error, for the readable report.
	link string
}

// resultOf turns a connection test's report into a result.
func resultOf(t connectionTarget, r graph.Report) connectionResult {
	res := connectionResult{
		Name:               t.profile.Name,
		TenantID:           cmp.Or(r.TenantID, t.profile.Tenant),
		ClientID:           t.profile.ClientID,
		Cloud:              t.profile.Cloud,
		Method:             t.profile.Method,
		OK:                 r.OK(),
		Organization:       r.Organization,
		GrantedPermissions: nonNil(r.Granted),
		MissingPermissions: nonNil(r.Missing),
		features:           r.Features,
		SecretExpires:      t.profile.SecretExpires,
	}
	res.describeCredential(t.profile)
	switch {
	case r.Err != nil:
		res.fail(errorOf(r.Err))
	case !res.OK:
		res.fail(missingFeatureError(r.Features))
	}
	return res
}

func (r connectionResult) passed() bool { return r.OK }

// describeCredential names the connection's credential in the one
// spelling the command line uses, with its expiry and thumbprint.
func (r *connectionResult) describeCredential(p keystore.Profile) {
	switch p.Method {
	case keystore.MethodClientSecret:
		r.Credential, r.CredentialExpires = "secret", p.SecretExpires
	case keystore.MethodCertificate:
		r.Credential = "certificate"
		if c := p.Certificate; c != nil {
			exp := c.Expires
			r.CredentialExpires, r.CertificateThumbprint = &exp, c.Thumbprint
		}
	case keystore.MethodBrowser:
		r.Credential = "browser"
	}
}

// fail marks the result failed with e.
func (r *connectionResult) fail(e connectionError) {
	r.OK = false
	r.Error = &e
}

// errorOf describes a sign-in or Graph failure without losing its code.
func errorOf(err error) connectionError {
	if e, ok := oauth.AsError(err); ok {
		return connectionError{Code: cmp.Or(e.Code, e.Name), Message: e.Message(), Hint: e.Hint, link: e.URI}
	}
	if e, ok := graph.AsError(err); ok {
		return connectionError{Code: e.Code, Message: e.Message, Hint: e.Plain()}
	}
	return connectionError{Message: err.Error()}
}

// missingFeatureError explains a test that got answers but found the
// connection unable to do what the program needs.
func missingFeatureError(features []graph.FeatureStatus) connectionError {
	for _, f := range features {
		if !f.OK {
			return connectionError{
				Code:    "Authorization_RequestDenied",
				Message: fmt.Sprintf("%s: %s", f.Title, f.Problem),
				Hint:    f.Fix,
				link:    f.FixURL,
			}
		}
	}
	return connectionError{Message: "the connection test did not pass"}
}

// saveHint says what to do when a tested connection could not be saved.
func saveHint(err error) string {
	switch {
	case errors.Is(err, keystore.ErrUnavailable):
		return keystore.KeychainAdvice() + " Then run the command again."
	case errors.Is(err, keystore.ErrTimeout):
		return "Unlock the system keychain when it asks, then run the command again."
	}
	return ""
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// writeText prints a readable report of one connection.
func (r connectionResult) writeText(w io.Writer) {
	method := "client secret, app-only access"
	switch r.Method {
	case keystore.MethodBrowser:
		method = "browser sign-in, delegated access"
	case keystore.MethodCertificate:
		method = "certificate " + r.CertificateThumbprint + ", app-only access"
	}
	if r.OK {
		fmt.Fprintf(w, "✓ %s: connected to %s (tenant %s)\n", r.Name, cmp.Or(r.Organization, "the tenant"), r.TenantID)
	} else {
		fmt.Fprintf(w, "X %s: the connection test failed\n", r.Name)
	}
	fmt.Fprintf(w, "  %s; cloud %s; client ID %s\n", method, r.Cloud, r.ClientID)
	fixes, links := writeFeatures(w, r.features)
	if len(r.GrantedPermissions) > 0 {
		fmt.Fprintf(w, "  Granted permissions: %s\n", strings.Join(r.GrantedPermissions, ", "))
	}
	if len(r.MissingPermissions) > 0 {
		fmt.Fprintf(w, "  Missing permissions: %s\n", strings.Join(r.MissingPermissions, ", "))
	}
	if len(fixes)+len(links) > 0 {
		fmt.Fprintln(w, "  To fix:")
		for _, line := range append(fixes, links...) {
			fmt.Fprintf(w, "    %s\n", line)
		}
	}
	if e := r.Error; e != nil {
		msg := e.Message
		if e.Code != "" && !strings.HasPrefix(msg, e.Code) {
			msg = e.Code + ": " + msg
		}
		fmt.Fprintf(w, "  Problem: %s\n", msg)
		if e.Hint != "" {
			fmt.Fprintf(w, "  What to do: %s\n", e.Hint)
		}
		if e.link != "" {
			fmt.Fprintf(w, "  More: %s\n", e.link)
		}
	}
	if r.CredentialExpires != nil && r.Credential != "browser" {
		expiry := provision.SecretExpiry
		if r.Credential == "certificate" {
			expiry = provision.CertificateExpiry
		}
		text, warn := expiry(*r.CredentialExpires, time.Now())
		mark := "  "
		if warn {
			mark = "  ! "
		}
		fmt.Fprintf(w, "%s%s (%s); renew with entra-wizard renew --name %q\n", mark, capitalize(text),
			r.CredentialExpires.Format("2 January 2006"), r.Name)
	}
	for _, n := range r.notes {
		fmt.Fprintf(w, "  Note: %s\n", n)
	}
	if r.saved != nil {
		fmt.Fprintf(w, "Saved %q: settings in %s (%s); secrets in %s.\n",
			r.Name, r.saved.SettingsFile, keystore.SettingsProtection(), r.saved.Keychain)
	}
}

// writeFeatures prints one line per feature, a reason shared with the
// feature above only once, and returns the distinct fixes and fix links of
// the features that do not work.
func writeFeatures(w io.Writer, features []graph.FeatureStatus) (fixes, links []string) {
	lastProblem := ""
	for _, f := range features {
		switch {
		case f.OK:
			fmt.Fprintf(w, "  ✓ %s\n", f.Title)
			if f.Note != "" {
				fmt.Fprintf(w, "      Note: %s\n", f.Note)
			}
			continue
		case f.Problem == "" || f.Problem == lastProblem:
			fmt.Fprintf(w, "  X %s\n", f.Title)
		default:
			fmt.Fprintf(w, "  X %s: %s\n", f.Title, f.Problem)
		}
		lastProblem = f.Problem
		fixes = appendNew(fixes, f.Fix)
		links = appendNew(links, f.FixURL)
	}
	return fixes, links
}

// appendNew appends s to list unless it is empty or already there.
func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
