package connection

import (
	"context"
	"errors"
	"fmt"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
)

// ErrLDAP is why Open refuses a saved secure LDAP connection: it is opened
// with OpenLDAP, in its own view.
var ErrLDAP = errors.New("a secure LDAP connection, not one to Microsoft Graph")

// LDAPProfile is what is saved for the tested secure LDAP connection s
// called name; the password goes in keystore.Secrets.LDAPPassword.
func LDAPProfile(name string, s ldapconn.Settings) keystore.Profile {
	return keystore.Profile{
		Name: name, Method: keystore.MethodLDAP,
		LDAP: &keystore.LDAPSettings{Server: s.Server, Port: s.Port, BindAccount: s.BindAccount, BaseDN: s.BaseDN, Fingerprint: s.Fingerprint},
	}
}

// LDAPSettings turns a saved secure LDAP connection back into settings;
// any other connection has none.
func LDAPSettings(p keystore.Profile) ldapconn.Settings {
	if !p.IsLDAP() || p.LDAP == nil {
		return ldapconn.Settings{}
	}
	l := p.LDAP
	return ldapconn.Settings{Server: l.Server, Port: l.Port, BindAccount: l.BindAccount, BaseDN: l.BaseDN, Fingerprint: l.Fingerprint}
}

// TestLDAP runs the secure LDAP checklist of a connection being set up,
// with its typed settings and password.
func (e *Engine) TestLDAP(ctx context.Context, s ldapconn.Settings, password string) ldapconn.Report {
	return ldapconn.Test(ctx, e.LDAP, s, password)
}

// TestSavedLDAP runs the checklist of the saved secure LDAP connection p
// with its password from the keychain. err is the keychain's when the
// password could not be read; nothing was sent then.
func (e *Engine) TestSavedLDAP(ctx context.Context, p keystore.Profile) (ldapconn.Report, error) {
	if !p.IsLDAP() {
		return ldapconn.Report{}, notLDAP(p)
	}
	password, err := e.ldapPassword(p)()
	if err != nil {
		return ldapconn.Report{}, err
	}
	return e.TestLDAP(ctx, LDAPSettings(p), password), nil
}

// OpenLDAP connects with the saved secure LDAP connection p, ready for
// searches. Its password is read from the keychain each time the
// connection has to be opened, so it is never kept in memory between.
func (e *Engine) OpenLDAP(ctx context.Context, p keystore.Profile) (*ldapconn.Directory, error) {
	if !p.IsLDAP() {
		return nil, notLDAP(p)
	}
	return ldapconn.OpenReconnecting(ctx, e.LDAP, LDAPSettings(p), e.ldapPassword(p))
}

// notLDAP is why a connection to Microsoft Graph is not tested or opened as
// secure LDAP.
func notLDAP(p keystore.Profile) error {
	return fmt.Errorf("connection %q is a Microsoft Graph connection, not a secure LDAP one", p.Name)
}

// ldapPassword reads the bind password of p from the keychain.
func (e *Engine) ldapPassword(p keystore.Profile) ldapconn.PasswordFunc {
	return func() (string, error) {
		if e.Store == nil {
			return "", errors.New("the saved connections could not be opened")
		}
		sec, err := e.Store.Secrets(p.Name)
		return sec.LDAPPassword, err
	}
}
