package keystore

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// editSettings rewrites the settings file by hand, as anyone able to write
// it could.
func editSettings(t *testing.T, store *Store, from, to string) {
	t.Helper()
	data, err := os.ReadFile(store.SettingsFile())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), from) {
		t.Fatalf("the settings file does not contain %q", from)
	}
	if err := os.WriteFile(store.SettingsFile(), []byte(strings.ReplaceAll(string(data), from, to)), 0o600); err != nil {
		t.Fatal(err)
	}
}

func customProfile(name string) Profile {
	p := testProfile(name)
	p.Cloud, p.Authority, p.Graph = CloudCustom, "https://login.contoso-proxy.example", "https://graph.contoso-proxy.example"
	return p
}

func TestSecretsAreReleasedOnlyWhereTheyWereSavedFor(t *testing.T) {
	store, _, _ := openTestStore(t)
	const secret = "Abc8Q~bound-secret-value-0123456789abcdef"
	if _, err := store.Save(customProfile("proxy"), Secrets{ClientSecret: secret}); err != nil {
		t.Fatal(err)
	}
	editSettings(t, store, "login.contoso-proxy.example", "login.attacker.example")
	sec, err := store.Secrets("proxy")
	var changed *EndpointsChangedError
	if !errors.Is(err, ErrEndpointsChanged) || !errors.As(err, &changed) || sec.ClientSecret != "" {
		t.Fatalf("edited authority: error %v, secret released: %t", err, sec.ClientSecret != "")
	}
	msg := err.Error()
	if !strings.Contains(msg, "login.attacker.example") || !strings.Contains(msg, "login.contoso-proxy.example") ||
		!strings.Contains(msg, "connect again") || strings.Contains(msg, secret) {
		t.Errorf("message %q should name both hosts and what to do, and never the secret", msg)
	}

	editSettings(t, store, `"cloud": "custom"`, `"cloud": "china"`)
	if _, err := store.Secrets("proxy"); !errors.Is(err, ErrEndpointsChanged) {
		t.Errorf("edited cloud: error %v, want ErrEndpointsChanged", err)
	}
	editSettings(t, store, `"cloud": "china"`, `"cloud": "custom"`)
	editSettings(t, store, "login.attacker.example", "LOGIN.contoso-proxy.example/")
	if sec, err := store.Secrets("proxy"); err != nil || sec.ClientSecret != secret {
		t.Errorf("back to the saved address (spelled differently): error %v", err)
	}
}

func TestChangesKeepWhereSecretsWereSavedFor(t *testing.T) {
	store, _, _ := openTestStore(t)
	p := customProfile("proxy")
	p.Method = MethodBrowser
	if _, err := store.Save(p, Secrets{RefreshToken: "first-token"}); err != nil {
		t.Fatal(err)
	}
	if err := store.Rename("proxy", "renamed"); err != nil {
		t.Fatal(err)
	}
	if err := store.SetRefreshToken("renamed", strings.Repeat("r", 5000)); err != nil {
		t.Fatal(err)
	}
	if sec, err := store.Secrets("renamed"); err != nil || sec.RefreshToken != strings.Repeat("r", 5000) {
		t.Fatalf("after a rename and a rotation: error %v", err)
	}
	editSettings(t, store, "graph.contoso-proxy.example", "127.0.0.1:9")
	if _, err := store.Secrets("renamed"); !errors.Is(err, ErrEndpointsChanged) {
		t.Errorf("a rotated token followed an edited Graph address: error %v", err)
	}
	// Saving again through the program is how an address really changes.
	p.Name, p.Graph = "renamed", "http://127.0.0.1:9"
	if _, err := store.Save(p, Secrets{RefreshToken: "second-token"}); err != nil {
		t.Fatal(err)
	}
	if sec, err := store.Secrets("renamed"); err != nil || sec.RefreshToken != "second-token" {
		t.Errorf("saved again for the new address: error %v", err)
	}
}

func TestAnEntryThatRecordsNoDestinationIsNeverReleased(t *testing.T) {
	store, _, _ := openTestStore(t)
	if _, err := store.Save(customProfile("old"), Secrets{ClientSecret: "placeholder"}); err != nil {
		t.Fatal(err)
	}
	// A bare value, with no record of where it may go, and settings that
	// point somewhere else: binding it on first read would hand it over.
	const bare = "bare-secret-with-no-destination"
	if err := store.keyring.Set(account("old", clientSecretKey), bare); err != nil {
		t.Fatal(err)
	}
	editSettings(t, store, "login.contoso-proxy.example", "login.attacker.example")
	for range 2 {
		sec, err := store.Secrets("old")
		if !errors.Is(err, ErrNotFound) || sec.ClientSecret != "" {
			t.Fatalf("an entry with no destination: error %v, secret released: %t", err, sec.ClientSecret != "")
		}
		if msg := err.Error(); !strings.Contains(msg, "does not record where it may be sent") || !strings.Contains(msg, "connect again") || strings.Contains(msg, bare) {
			t.Errorf("message %q should say why and what to do, and never the secret", msg)
		}
	}
	if raw, err := store.keyring.Get(account("old", clientSecretKey)); err != nil || raw != bare {
		t.Errorf("reading rewrote the entry (error %v)", err)
	}
	// Connecting again saves it anew, bound to where it now goes.
	if _, err := store.Save(customProfile("old"), Secrets{ClientSecret: "new-secret"}); err != nil {
		t.Fatal(err)
	}
	if sec, err := store.Secrets("old"); err != nil || sec.ClientSecret != "new-secret" {
		t.Errorf("saved again: error %v", err)
	}
}

func TestLDAPPasswordIsReleasedOnlyWithThePinnedCertificate(t *testing.T) {
	store, _, _ := openTestStore(t)
	const password = "Reader-pass-not-real-1"
	p := ldapProfile("Managed domain")
	if _, err := store.Save(p, Secrets{LDAPPassword: password}); err != nil {
		t.Fatal(err)
	}
	other := "12:" + strings.Repeat("34:", 30) + "56"
	editSettings(t, store, p.LDAP.Fingerprint, other)
	sec, err := store.Secrets("Managed domain")
	if !errors.Is(err, ErrEndpointsChanged) || sec.LDAPPassword != "" {
		t.Fatalf("an edited pin: error %v, password released: %t", err, sec.LDAPPassword != "")
	}
	if msg := err.Error(); !strings.Contains(msg, other) || !strings.Contains(msg, p.LDAP.Fingerprint) || strings.Contains(msg, password) {
		t.Errorf("message %q should name both certificates, never the password", msg)
	}
	// No pin at all would trust any certificate an authority signs.
	editSettings(t, store, other, "")
	if _, err := store.Secrets("Managed domain"); !errors.Is(err, ErrEndpointsChanged) {
		t.Errorf("a removed pin: error %v, want ErrEndpointsChanged", err)
	}
	// The same certificate typed another way is no change.
	typed := strings.ToLower(strings.ReplaceAll(p.LDAP.Fingerprint, ":", ""))
	editSettings(t, store, `"fingerprint": ""`, `"fingerprint": "`+typed+`"`)
	if sec, err := store.Secrets("Managed domain"); err != nil || sec.LDAPPassword != password {
		t.Errorf("the saved pin written in lower case without colons: error %v", err)
	}
}
