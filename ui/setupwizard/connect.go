package setupwizard

import (
	"strings"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// engine is the connection engine the test step signs in with.
func (v *Wizard) engine() *connection.Engine {
	e := &connection.Engine{HTTPClient: v.deps.HTTPClient, OpenURL: v.deps.OpenURL, LoginTimeout: v.deps.LoginTimeout,
		Demo: v.deps.Demo}
	return e
}

// attemptOf is a connection test of the values typed so far.
func attemptOf(st flow.State) connection.Attempt {
	a := connection.Attempt{
		Profile: keystore.Profile{
			Cloud: st.Cloud, Authority: strings.TrimSpace(st.Authority), Graph: strings.TrimSpace(st.Graph),
			Tenant: strings.TrimSpace(st.Tenant), ClientID: strings.TrimSpace(st.ClientID), Method: string(st.Method),
		},
		AllowCustom: st.CustomHostsTrusted(),
	}
	switch c := st.Certificate; {
	case st.Method == keystore.MethodCertificate && c != nil:
		a.Profile.Certificate = connection.CertificateSettings(c)
		a.CertificateKey = c.KeyText()
	case st.Method == keystore.MethodClientSecret:
		a.Secret = strings.TrimSpace(st.Secret)
	}
	return a
}
