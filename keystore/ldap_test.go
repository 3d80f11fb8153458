package keystore

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gokeyring "github.com/zalando/go-keyring"
)

func ldapProfile(name string) Profile {
	return Profile{
		Name:   name,
		Method: MethodLDAP,
		LDAP: &LDAPSettings{
			Server: "ldaps.aaddscontoso.com", Port: 636,
			BindAccount: "CN=LDAP Reader,OU=AADDC Users,DC=aaddscontoso,DC=com",
			BaseDN:      "DC=aaddscontoso,DC=com",
			Fingerprint: "AB:" + strings.Repeat("CD:", 30) + "EF",
		},
	}
}

func TestLDAPConnectionKeepsSettingsAndPinInFileAndOnlyThePasswordInKeychain(t *testing.T) {
	store, dir, service := openTestStore(t)
	const password = "Reader-pass-not-real-1"
	p := ldapProfile("Managed domain")
	if _, err := store.Save(p, Secrets{LDAPPassword: password}); err != nil {
		t.Fatalf("Save: %v", err)
	}
	got, err := store.Get(p.Name)
	if err != nil {
		t.Fatal(err)
	}
	if got.Method != MethodLDAP || got.LDAP == nil || *got.LDAP != *p.LDAP {
		t.Errorf("Get = %+v (ldap %+v), want the saved LDAP settings %+v", got, got.LDAP, p.LDAP)
	}
	sec, err := store.Secrets(p.Name)
	if err != nil || sec.LDAPPassword != password || sec.ClientSecret != "" || sec.RefreshToken != "" {
		t.Fatalf("Secrets did not return just the password (err %v)", err)
	}
	if raw, err := gokeyring.Get(service, p.Name+"/ldap-password"); err != nil || raw != bindValue(DestinationOf(p), password) {
		t.Errorf("the password is not in the system keychain (err %v)", err)
	}
	data, err := os.ReadFile(filepath.Join(dir, SettingsFileName))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(password)) {
		t.Fatal("the settings file contains the bind password")
	}
	for _, want := range []string{`"method": "ldap"`, `"server": "ldaps.aaddscontoso.com"`, `"fingerprint": "AB:CD`, `"baseDN"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the settings file lacks %s:\n%s", want, data)
		}
	}

	if err := store.Delete(p.Name); err != nil {
		t.Fatal(err)
	}
	if _, err := gokeyring.Get(service, p.Name+"/ldap-password"); err == nil {
		t.Error("deleting the connection left its password in the keychain")
	}
}

func TestIncompleteLDAPConnectionIsRefusedBeforeKeychain(t *testing.T) {
	store, _, service := openTestStore(t)
	noServer := ldapProfile("a")
	noServer.LDAP.Server = ""
	for _, c := range []struct {
		p    Profile
		s    Secrets
		want string
	}{
		{noServer, Secrets{LDAPPassword: "x"}, "needs its server"},
		{Profile{Name: "b", Method: MethodLDAP}, Secrets{LDAPPassword: "x"}, "needs its server"},
		{ldapProfile("c"), Secrets{}, "bind account's password"},
		{ldapProfile("d"), Secrets{LDAPPassword: "x", ClientSecret: "y"}, "only the bind password"},
	} {
		_, err := store.Save(c.p, c.s)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Save(%s) = %v, want an error mentioning %q", c.p.Name, err, c.want)
		}
	}
	if accounts := accountsIn(t, service); len(accounts) != 0 {
		t.Errorf("refused saves left keychain entries: %v", accounts)
	}
}
