package provision

import (
	"errors"
	"fmt"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// Directory roles the refusals name.
const (
	RoleCreateApps  = "Application Administrator or Cloud Application Administrator"
	RoleGrantRoles  = "Privileged Role Administrator or Global Administrator"
	RoleGrantScopes = "Cloud Application Administrator, Application Administrator or Global Administrator"
)

// Failure is a step that failed: which one, why, and what exists so far.
type Failure struct {
	Step Step
	Err  error
	// State is the setup to continue (Setup.Continue) or undo (Setup.Remove).
	State *State
	// MissingRole names the directory role the signed-in account lacks.
	MissingRole string
	// Guided says the portal path is the way on: the tenant or the admin
	// refused the setup sign-in, or the account may not register apps.
	Guided bool
	// ConsentURL, when the app exists but could not be granted its
	// permissions, is the admin-consent link to hand to someone who holds
	// MissingRole.
	ConsentURL string
}

func (f *Failure) Error() string { return "could not " + f.Step.String() + ": " + f.Message() }

func (f *Failure) Unwrap() error { return f.Err }

// Message says in plain words what went wrong and what to do.
func (f *Failure) Message() string {
	if f.MissingRole != "" {
		return fmt.Sprintf("your account is not allowed to %s: that needs the %s role in Microsoft Entra.", f.Step, f.MissingRole)
	}
	if e, ok := oauth.AsError(f.Err); ok && f.Step == StepSignIn {
		switch {
		case e.HasCode(90094), e.HasCode(65001):
			return "Microsoft Entra says an administrator must approve this sign-in: sign in with an administrator account, or register the app yourself in the portal."
		case e.HasCode(65004):
			return "the permissions were declined at sign-in, so nothing was created. Sign in again and accept them, or register the app yourself in the portal."
		case e.HasCode(50105):
			return "your organization lets only assigned people use Microsoft Graph Command Line Tools, which setup signs in with. Ask an administrator to assign you, or register the app yourself in the portal."
		}
		return e.Message()
	}
	if errors.Is(f.Err, ErrAppExists) {
		return fmt.Sprintf("an app registration named %q already exists. Reuse it (a new %s is added to it), or choose another name.",
			f.State.Request.AppName, f.State.Request.credentialName())
	}
	return f.Err.Error()
}

// Links are the portal pages of what was created, to check or remove by
// hand.
func (f *Failure) Links() []Link { return f.State.Links() }

// Link is a titled portal page.
type Link struct{ Title, URL string }

// Links are the portal pages of what st created.
func (st *State) Links() []Link {
	c := st.Created
	if c.AppID == "" {
		return nil
	}
	l := oauth.PortalLinks(st.Request.Endpoints, c.AppID)
	out := []Link{{"App registration " + c.AppID, l.Overview}}
	if c.SecretKeyID != "" {
		out = append(out, Link{"Client secret " + c.SecretKeyID, l.Certificates})
	}
	if c.CertificateKeyID != "" {
		out = append(out, Link{"Certificate " + c.CertificateThumbprint, l.Certificates})
	}
	if c.PrincipalID != "" {
		out = append(out, Link{"Enterprise application " + c.PrincipalID, l.EnterpriseApps})
	}
	if len(c.Granted) > 0 {
		out = append(out, Link{"Granted permissions", l.APIPermissions})
	}
	return out
}

// failure explains err, which stopped st.Next.
func (s *Setup) failure(st *State, err error) *Failure {
	f := &Failure{Step: st.Next, Err: err, State: st}
	if e, ok := oauth.AsError(err); ok && f.Step == StepSignIn {
		f.Guided = e.HasCode(90094) || e.HasCode(65001) || e.HasCode(65004) || e.HasCode(50105) ||
			e.HasCode(53003) || e.HasCode(50076)
		return f
	}
	if !errors.Is(err, graph.ErrDenied) || st.setup == nil {
		return f // without the setup sign-in, no admin role is at stake
	}
	switch f.Step {
	case StepConsent:
		f.MissingRole = RoleGrantRoles
		if st.Request.Method == MethodBrowser {
			f.MissingRole = RoleGrantScopes
		}
		f.ConsentURL = oauth.AdminConsentURL(st.Request.Endpoints, st.TenantID, st.Created.AppID, RedirectURI)
	case StepLookUp, StepRegister, StepPrincipal, StepSecret:
		f.MissingRole, f.Guided = RoleCreateApps, true
	}
	return f
}
