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

func TestSecretsOfAnEarlierVersionAreBoundOnFirstRead(t *testing.T) {
	store, _, _ := openTestStore(t)
	if _, err := store.Save(customProfile("old"), Secrets{ClientSecret: "placeholder"}); err != nil {
		t.Fatal(err)
	}
	// An earlier version kept the bare secret.
	if err := store.keyring.Set(account("old", clientSecretKey), "old-bare-secret"); err != nil {
		t.Fatal(err)
	}
	if sec, err := store.Secrets("old"); err != nil || sec.ClientSecret != "old-bare-secret" {
		t.Fatalf("an earlier version's entry could not be read: %v", err)
	}
	raw, err := store.keyring.Get(account("old", clientSecretKey))
	if d, secret := unbindValue(raw); err != nil || d == nil || *d != DestinationOf(customProfile("old")) || secret != "old-bare-secret" {
		t.Fatalf("the entry was not bound to its settings on first read (error %v)", err)
	}
	editSettings(t, store, "login.contoso-proxy.example", "login.attacker.example")
	if _, err := store.Secrets("old"); !errors.Is(err, ErrEndpointsChanged) {
		t.Errorf("once bound, an edited address still got the secret: %v", err)
	}
}
