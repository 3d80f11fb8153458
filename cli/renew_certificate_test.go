package cli

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// TestRenewRenewsACertificateWithoutASignIn: renew on a certificate
// connection opens no browser, replaces the certificate in Entra and in
// the settings, and status then names the renew command, not
// renew-secret. With a Secret Service reachable (scripts/with-keyring.sh)
// the new key goes to the real system keychain.
func TestRenewRenewsACertificateWithoutASignIn(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{AutoSignIn: true, ReplicationDelay: 1500 * time.Millisecond})
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		f.keyring = keystore.SystemKeyring("entra-wizard-test-certificate-renew", 10*time.Second)
		t.Cleanup(func() { _ = f.store(t).Delete("Cert") })
	}
	if r := f.run(t, runSetup, "", f.setupArgs("Cert", "--features", "read-users")...); r.code != 0 {
		t.Fatalf("setup: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	before, _ := f.store(t).Get("Cert")
	oldKey, err := f.store(t).Secrets("Cert")
	if err != nil {
		t.Fatal(err)
	}
	f.deps.openURL = func(string) error {
		t.Error("renewing a certificate opened a sign-in page")
		return errors.New("no browser here")
	}
	r := f.run(t, runRenew, "", "--name", "Cert")
	if r.code != 0 || !strings.Contains(r.stdout, "new certificate") || !strings.Contains(r.stdout, "The old certificate "+before.Certificate.Thumbprint+" was removed") {
		t.Fatalf("renew: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	after, _ := f.store(t).Get("Cert")
	if keys := f.srv.AppsNamed("Wizard Cert")[0].Keys; after.Certificate.KeyID == before.Certificate.KeyID || !slices.Equal(keys, []string{after.Certificate.KeyID}) {
		t.Errorf("before %s, after %s, in Entra %v", before.Certificate.KeyID, after.Certificate.KeyID, keys)
	}
	if newKey, err := f.store(t).Secrets("Cert"); err != nil || newKey.CertificateKey == "" || newKey.CertificateKey == oldKey.CertificateKey {
		t.Errorf("the keychain does not hold the new certificate's key (error %v)", err)
	}
	st := f.run(t, runStatus, "", "--name", "Cert")
	if st.code != 0 || !strings.Contains(st.stdout, "renew with entra-wizard renew --name \"Cert\"") || strings.Contains(st.stdout, "renew-secret") {
		t.Errorf("status after renewing: exit %d\n%s", st.code, st.stdout)
	}
}

// TestRenewSaysWhenTheOldCertificateStays: the old certificate's key id
// is not one Entra knows, so removing it fails: the renewal still
// succeeds, and says to remove the old one in the portal.
func TestRenewSaysWhenTheOldCertificateStays(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{AutoSignIn: true})
	if r := f.run(t, runSetup, "", f.setupArgs("Cert", "--features", "read-users")...); r.code != 0 {
		t.Fatalf("setup: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	store := f.store(t)
	p, _ := store.Get("Cert")
	sec, err := store.Secrets("Cert")
	if err != nil {
		t.Fatal(err)
	}
	p.Certificate.KeyID = "00000000-0000-0000-0000-000000000001"
	if _, err := store.Save(p, sec); err != nil {
		t.Fatal(err)
	}
	r := f.run(t, runRenew, "", "--name", "Cert")
	if r.code != 0 || !strings.Contains(r.stdout, "The old certificate was not removed") || !strings.Contains(r.stdout, "in the portal") {
		t.Fatalf("renew: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if keys := f.srv.AppsNamed("Wizard Cert")[0].Keys; len(keys) != 2 {
		t.Errorf("certificates in Entra %v, want the old and the new", keys)
	}
}

// TestRenewSecretIsRenew: the older command name still works, and both
// names have help.
func TestRenewSecretIsRenew(t *testing.T) {
	for _, name := range []string{"renew", "renew-secret"} {
		cmd, ok := lookup(name)
		if !ok {
			t.Fatalf("no command %q", name)
		}
		var out strings.Builder
		if code := cmd(t.Context(), []string{"--help"}, Env{Stdout: &out, Stderr: &out}); code != 0 || !strings.Contains(out.String(), "entra-wizard renew --name NAME") {
			t.Errorf("%s --help: exit %d\n%s", name, code, out.String())
		}
	}
}
