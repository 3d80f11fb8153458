package connection

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

// filled is a value of type T with every field set to a value of its own
// (strings and integers), so a field the mapping drops shows.
func filled[T any](t *testing.T) T {
	t.Helper()
	var v T
	rv := reflect.ValueOf(&v).Elem()
	for i := range rv.NumField() {
		f := rv.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(rv.Type().Field(i).Name + " value")
		case reflect.Int:
			f.SetInt(int64(600 + i))
		default:
			t.Fatalf("%s.%s is a %s: teach this test to fill it", rv.Type().Name(), rv.Type().Field(i).Name, f.Kind())
		}
	}
	return v
}

func TestLDAPProfileKeepsEverySetting(t *testing.T) {
	s := filled[ldapconn.Settings](t)
	p := LDAPProfile("Managed domain", s)
	if p.Name != "Managed domain" || !p.IsLDAP() || p.Method != keystore.MethodLDAP {
		t.Fatalf("profile is %q with method %q; want a secure LDAP connection called Managed domain", p.Name, p.Method)
	}
	if p.Cloud != "" || p.Tenant != "" || p.ClientID != "" {
		t.Errorf("a secure LDAP connection got Entra ID settings: %+v", p)
	}
	saved := reflect.ValueOf(*p.LDAP)
	for i := range saved.NumField() {
		if saved.Field(i).IsZero() {
			t.Errorf("the saved settings leave %s empty", saved.Type().Field(i).Name)
		}
	}
	if got := LDAPSettings(p); got != s {
		t.Errorf("settings read back are %+v; want %+v", got, s)
	}
}

func TestLDAPSettingsReadEverySavedField(t *testing.T) {
	l := filled[keystore.LDAPSettings](t)
	s := LDAPSettings(keystore.Profile{Name: "Managed domain", Method: keystore.MethodLDAP, LDAP: &l})
	got := reflect.ValueOf(s)
	for i := range got.NumField() {
		if got.Field(i).IsZero() {
			t.Errorf("the settings read leave %s empty", got.Type().Field(i).Name)
		}
	}
	if back := LDAPProfile("Managed domain", s).LDAP; *back != l {
		t.Errorf("saved again as %+v; want %+v", *back, l)
	}
}

func TestLDAPSettingsOfOtherConnectionsAreEmpty(t *testing.T) {
	l := filled[keystore.LDAPSettings](t)
	for _, p := range []keystore.Profile{
		{Name: "Contoso", Method: keystore.MethodClientSecret, LDAP: &l},
		{Name: "No settings", Method: keystore.MethodLDAP},
	} {
		if s := LDAPSettings(p); s != (ldapconn.Settings{}) {
			t.Errorf("%s: settings %+v; want none", p.Name, s)
		}
	}
}

// emptiedKeyring is a keychain whose entries can be lost, as when someone
// removes them in the system's keychain manager.
type emptiedKeyring struct {
	keystore.Keyring
	emptied bool
}

func (k *emptiedKeyring) Get(account string) (string, error) {
	if k.emptied {
		return "", keystore.ErrNotFound
	}
	return k.Keyring.Get(account)
}

// ldapEngine is an engine whose store keeps a secure LDAP connection to a
// real slapd, called name, with its certificate pinned as an admin would.
// Its keychain can be emptied.
func ldapEngine(t *testing.T, name string) (*Engine, *emptiedKeyring) {
	t.Helper()
	srv := slapdtest.Start(t)
	keyring := &emptiedKeyring{Keyring: keystore.MemoryKeyring()}
	store, err := keystore.Open(t.TempDir(), keyring)
	if err != nil {
		t.Fatal(err)
	}
	s := ldapconn.Settings{Server: slapdtest.ServerName, Port: srv.Port, BindAccount: slapdtest.BindDN,
		BaseDN: slapdtest.BaseDN, Fingerprint: ldapconn.Fingerprint(srv.CertificateDER())}
	if _, err := store.Save(LDAPProfile(name, s), keystore.Secrets{LDAPPassword: slapdtest.BindPassword}); err != nil {
		t.Fatal(err)
	}
	return &Engine{Store: store, LDAP: ldapconn.Config{Resolver: slapdtest.Resolver{}, Timeout: 10 * time.Second}}, keyring
}

func TestTestSavedLDAPBindsWithThePasswordFromTheKeychain(t *testing.T) {
	e, _ := ldapEngine(t, "Managed domain")
	p, err := e.Store.Get("Managed domain")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := e.TestSavedLDAP(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("the saved connection failed: %s (%s)", rep.Err.Message, rep.Err.Hint)
	}
	if rep.Users == 0 || rep.Groups == 0 || rep.Certificate == nil || !rep.Certificate.Pinned {
		t.Errorf("found %d users and %d groups, certificate %+v; want the seeded domain behind the pinned certificate",
			rep.Users, rep.Groups, rep.Certificate)
	}
}

func TestTestSavedLDAPSendsNothingWithoutItsPassword(t *testing.T) {
	e, keyring := ldapEngine(t, "Managed domain")
	p, err := e.Store.Get("Managed domain")
	if err != nil {
		t.Fatal(err)
	}
	keyring.emptied = true
	rep, err := e.TestSavedLDAP(context.Background(), p)
	if err == nil {
		t.Fatal("the test ran without the password in the keychain")
	}
	if !strings.Contains(err.Error(), "password") {
		t.Errorf("the refusal %q does not say the password is missing", err)
	}
	if len(rep.Steps) != 0 {
		t.Errorf("steps ran without a password: %+v", rep.Steps)
	}
}

func TestOpenLDAPSearchesTheSavedDomain(t *testing.T) {
	e, _ := ldapEngine(t, "Managed domain")
	p, err := e.Store.Get("Managed domain")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := e.OpenLDAP(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	defer dir.Close()
	users, err := dir.Users(context.Background(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) == 0 {
		t.Error("the saved domain lists no users")
	}
}

func TestOpenRefusesASecureLDAPConnectionAndOpenLDAPAGraphOne(t *testing.T) {
	e, _ := ldapEngine(t, "Managed domain")
	if _, err := e.Open(context.Background(), "Managed domain"); !errors.Is(err, ErrLDAP) {
		t.Errorf("Open of a secure LDAP connection: %v; want ErrLDAP", err)
	}
	graphOne := keystore.Profile{Name: "Contoso", Method: keystore.MethodClientSecret, Cloud: "global", Tenant: "contoso.onmicrosoft.com", ClientID: "c"}
	if _, err := e.OpenLDAP(context.Background(), graphOne); err == nil || !strings.Contains(err.Error(), "Microsoft Graph connection") {
		t.Errorf("OpenLDAP of a Graph connection: %v; want a refusal", err)
	}
	if _, err := e.TestSavedLDAP(context.Background(), graphOne); err == nil {
		t.Error("TestSavedLDAP of a Graph connection ran")
	}
}
