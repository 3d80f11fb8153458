package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/entra-wizard/entra-wizard/provision"
)

// setupOutcome is what setup prints; its JSON form is one object.
type setupOutcome struct {
	Name     string         `json:"name"`
	OK       bool           `json:"ok"`
	TenantID string         `json:"tenantId"`
	ClientID string         `json:"clientId"`
	Method   string         `json:"method"`
	Created  setupCreated   `json:"created"`
	Removed  bool           `json:"removed"`
	Error    *setupError    `json:"error"`
	Links    []setupLinkOut `json:"links"`
	// Notes say what setup adapted to the tenant, such as a lifetime
	// shortened to its app management policy.
	Notes []string `json:"notes"`

	permissions  []string
	organization string
	removeErr    error
}

type setupCreated struct {
	AppObjectID   string     `json:"appObjectId"`
	AppID         string     `json:"appId"`
	Reused        bool       `json:"reused"`
	PrincipalID   string     `json:"servicePrincipalId"`
	SecretKeyID   string     `json:"secretKeyId"`
	SecretExpires *time.Time `json:"secretExpires"`
	// The certificate, for the certificate method: its key id on the app,
	// its SHA-1 thumbprint as the portal shows it, and its expiry.
	CertificateKeyID      string     `json:"certificateKeyId,omitempty"`
	CertificateThumbprint string     `json:"certificateThumbprint,omitempty"`
	CertificateExpires    *time.Time `json:"certificateExpires,omitempty"`
	Granted               []string   `json:"grantedPermissions"`
}

type setupError struct {
	Step        string `json:"step"`
	Message     string `json:"message"`
	MissingRole string `json:"missingRole,omitempty"`
	ConsentURL  string `json:"adminConsentUrl,omitempty"`
	Guided      bool   `json:"registerInPortal"`
}

type setupLinkOut struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// setupOutcomeOf describes a finished or failed setup.
func setupOutcomeOf(req provision.Request, res provision.Result, err error) *setupOutcome {
	out := &setupOutcome{Name: req.Name, OK: err == nil, Method: req.Method, Links: []setupLinkOut{}, Notes: nonNil(res.Notes)}
	created := res.Created
	var fail *provision.Failure
	switch {
	case errors.As(err, &fail):
		created, out.TenantID, out.Notes = fail.State.Created, fail.State.TenantID, nonNil(fail.State.Notes)
		out.Error = &setupError{Step: fail.Step.String(), Message: fail.Message(), MissingRole: fail.MissingRole,
			ConsentURL: fail.ConsentURL, Guided: fail.Guided}
		for _, l := range fail.Links() {
			out.Links = append(out.Links, setupLinkOut(l))
		}
	case err != nil:
		out.Error = &setupError{Message: err.Error()}
	default:
		out.TenantID, out.organization, out.permissions = res.Profile.Tenant, res.Report.Organization, res.Report.Granted
	}
	out.ClientID = created.AppID
	out.Created = setupCreated{AppObjectID: created.AppObjectID, AppID: created.AppID, Reused: created.Reused,
		PrincipalID: created.PrincipalID, SecretKeyID: created.SecretKeyID, Granted: nonNil(created.Granted),
		CertificateKeyID: created.CertificateKeyID, CertificateThumbprint: created.CertificateThumbprint,
		SecretExpires: timeOrNil(created.SecretExpires), CertificateExpires: timeOrNil(created.CertificateExpires)}
	return out
}

// timeOrNil is t, or nil for the zero time (nothing of that kind made).
func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// removeCreated undoes what a failed setup created, so nothing is left
// half-done, unless the failure is one an admin resolves with the app in
// place (a consent only someone else may grant).
func (o *setupOutcome) removeCreated(ctx context.Context, s *provision.Setup, err error) {
	var fail *provision.Failure
	if !errors.As(err, &fail) || !fail.State.Created.Any() {
		return
	}
	if o.removeErr = s.Remove(ctx, fail.State); o.removeErr == nil {
		o.Removed = true
	}
}

func (o *setupOutcome) writeText(w io.Writer) {
	if o.OK {
		fmt.Fprintf(w, "✓ %s: set up and connected to %s (tenant %s)\n", o.Name, o.organization, o.TenantID)
		fmt.Fprintf(w, "  App registration with client ID %s\n", o.ClientID)
		kept := "the secret"
		if e := o.Created.SecretExpires; e != nil {
			fmt.Fprintf(w, "  Client secret %s expires on %s\n", o.Created.SecretKeyID, e.Format("2 January 2006"))
		}
		if e := o.Created.CertificateExpires; e != nil {
			fmt.Fprintf(w, "  Certificate with thumbprint %s is valid until %s\n", o.Created.CertificateThumbprint, e.Format("2 January 2006"))
			kept = "the certificate's private key (only there)"
		}
		fmt.Fprintf(w, "  Granted permissions: %v\n", o.Created.Granted)
		o.writeNotes(w)
		fmt.Fprintf(w, "Saved %q: settings in the settings file, %s in the system keychain.\n", o.Name, kept)
		return
	}
	fmt.Fprintf(w, "X %s: setup failed", o.Name)
	if o.Error.Step != "" {
		fmt.Fprintf(w, " (could not %s)", o.Error.Step)
	}
	fmt.Fprintf(w, "\n  Problem: %s\n", o.Error.Message)
	if o.Error.ConsentURL != "" {
		fmt.Fprintf(w, "  Someone with the %s role can grant consent here:\n    %s\n", o.Error.MissingRole, o.Error.ConsentURL)
	}
	if o.Error.Guided {
		fmt.Fprintln(w, "  You can register the app yourself in the portal instead: run entra-wizard and choose \"I'll register the app myself\".")
	}
	o.writeNotes(w)
	o.writeCreated(w)
	fmt.Fprintln(w, "Nothing was saved.")
}

func (o *setupOutcome) writeNotes(w io.Writer) {
	for _, n := range o.Notes {
		fmt.Fprintf(w, "  Note: %s\n", n)
	}
}

func (o *setupOutcome) writeCreated(w io.Writer) {
	if len(o.Links) == 0 {
		return
	}
	switch {
	case o.Removed:
		fmt.Fprintln(w, "  What setup had created was removed again:")
	case o.removeErr != nil:
		fmt.Fprintf(w, "  What setup created could not be removed (%v); remove it in the portal:\n", o.removeErr)
	default:
		fmt.Fprintln(w, "  Created so far (kept; run again with --reuse to continue, or remove it in the portal):")
	}
	for _, l := range o.Links {
		fmt.Fprintf(w, "    %s: %s\n", l.Title, l.URL)
	}
}
