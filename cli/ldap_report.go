package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
)

// ldapResult is what connect and status say about a secure LDAP connection.
type ldapResult struct {
	Name        string           `json:"name"`
	Method      string           `json:"method"`
	Server      string           `json:"server"`
	Port        int              `json:"port"`
	BindAccount string           `json:"bindAccount"`
	BaseDN      string           `json:"baseDN"`
	Fingerprint string           `json:"trustedFingerprint"`
	OK          bool             `json:"ok"`
	Certificate *ldapCertificate `json:"certificate"`
	Users       int              `json:"users"`
	Groups      int              `json:"groups"`
	Checks      []ldapCheck      `json:"checks"`
	Error       *connectionError `json:"error"`

	canTrust bool
	saved    *keystore.Saved
}

type ldapCertificate struct {
	Subject     string    `json:"subject"`
	Issuer      string    `json:"issuer"`
	NotAfter    time.Time `json:"notAfter"`
	Fingerprint string    `json:"fingerprint"`
	Trusted     bool      `json:"trusted"`
	Pinned      bool      `json:"pinned"`
}

type ldapCheck struct {
	Step   string `json:"step"`
	Title  string `json:"title"`
	Ran    bool   `json:"ran"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail"`
}

func ldapResultOf(name string, s ldapconn.Settings, rep ldapconn.Report) ldapResult {
	res := ldapResult{
		Name: name, Method: keystore.MethodLDAP, Server: s.Server, Port: s.Port, BindAccount: s.BindAccount,
		BaseDN: s.BaseDN, Fingerprint: s.Fingerprint, OK: rep.OK() && len(rep.Steps) > 0, Users: rep.Users, Groups: rep.Groups,
		Checks: []ldapCheck{},
	}
	for _, st := range rep.Steps {
		res.Checks = append(res.Checks, ldapCheck{Step: string(st.ID), Title: st.Title, Ran: st.Ran, OK: st.OK, Detail: st.Detail})
	}
	if c := rep.Certificate; c != nil {
		res.Certificate = &ldapCertificate{Subject: c.Subject, Issuer: c.Issuer, NotAfter: c.NotAfter.UTC(), Fingerprint: c.Fingerprint, Trusted: c.Trusted, Pinned: c.Pinned}
	}
	if e := rep.Err; e != nil {
		res.fail(&connectionError{Code: e.Code, Message: e.Message, Hint: e.Hint})
		res.canTrust = e.CanTrust()
	}
	return res
}

func (r *ldapResult) fail(e *connectionError) {
	r.OK = false
	r.Error = e
}

func (r ldapResult) passed() bool { return r.OK }

// writeText prints a readable report of one secure LDAP connection.
func (r ldapResult) writeText(w io.Writer) {
	if r.OK {
		fmt.Fprintf(w, "✓ %s: secure LDAP to %s:%d works\n", r.Name, r.Server, r.Port)
	} else {
		fmt.Fprintf(w, "X %s: the secure LDAP test failed\n", r.Name)
	}
	fmt.Fprintf(w, "  Secure LDAP (Entra Domain Services); bind account %s; base DN %s\n", r.BindAccount, r.BaseDN)
	for _, c := range r.Checks {
		switch {
		case !c.Ran:
			fmt.Fprintf(w, "  - %s (not tested)\n", c.Title)
		case c.OK:
			fmt.Fprintf(w, "  ✓ %s: %s\n", c.Title, c.Detail)
		default:
			fmt.Fprintf(w, "  X %s: %s\n", c.Title, c.Detail)
		}
	}
	if c := r.Certificate; c != nil {
		fmt.Fprintf(w, "  Certificate: %s, issued by %s, expires %s\n", c.Subject, c.Issuer, c.NotAfter.Format("2006-01-02"))
		fmt.Fprintf(w, "  SHA-256 fingerprint: %s\n", c.Fingerprint)
	}
	if r.OK {
		fmt.Fprintf(w, "  Found %d users and %d groups.\n", r.Users, r.Groups)
	}
	if e := r.Error; e != nil {
		fmt.Fprintf(w, "  Problem: %s\n", e.Message)
		if e.Hint != "" {
			fmt.Fprintf(w, "  What to do: %s\n", e.Hint)
		}
	}
	if r.canTrust && r.Certificate != nil {
		fmt.Fprintf(w, "  To trust exactly this certificate, run the command again with:\n    --trust-fingerprint %s\n", r.Certificate.Fingerprint)
	}
	if r.saved != nil {
		fmt.Fprintf(w, "Saved %q: settings and trusted fingerprint in %s; password in %s.\n", r.Name, r.saved.SettingsFile, r.saved.Keychain)
	}
}
