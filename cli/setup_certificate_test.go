package cli

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// TestSetupWithACertificateKeepsTheKeyOnlyInTheKeychain runs setup with
// the default credential, then status: one app with one certificate and no
// secret, a connection that tests OK and says it uses a certificate, and
// the private key nowhere in the settings folder or the home folder. With
// a Secret Service reachable (scripts/with-keyring.sh) the key goes to the
// real system keychain.
func TestSetupWithACertificateKeepsTheKeyOnlyInTheKeychain(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{AutoSignIn: true, ReplicationDelay: 1500 * time.Millisecond})
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		f.keyring = keystore.SystemKeyring("entra-wizard-test-certificate-setup", 10*time.Second)
		t.Cleanup(func() { _ = f.store(t).Delete("Cert") })
	}
	start, before := time.Now(), f.srv.Requests()
	r := f.run(t, runSetup, "", f.setupArgs("Cert", "--features", "read-users", "--json")...)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	t.Logf("sign-in to saved connection: %d requests, %s", f.srv.Requests()-before, time.Since(start).Round(time.Millisecond))
	var out setupOutcome
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || !out.OK || out.Method != "certificate" ||
		out.Created.CertificateThumbprint == "" || out.Created.CertificateExpires == nil || out.Created.SecretExpires != nil {
		t.Fatalf("output %s: %v", r.stdout, err)
	}
	apps := f.srv.AppsNamed("Wizard Cert")
	if len(apps) != 1 || len(apps[0].Keys) != 1 || len(apps[0].Secrets) != 0 || len(apps[0].Roles) != 2 {
		t.Fatalf("registered %+v", apps)
	}

	st := f.run(t, runStatus, "", "--name", "Cert", "--json")
	var results []map[string]any
	if err := json.Unmarshal([]byte(st.stdout), &results); err != nil || st.code != 0 || len(results) != 1 {
		t.Fatalf("status exit %d: %s %v", st.code, st.stdout, err)
	}
	res := results[0]
	exp, _ := res["credentialExpires"].(string)
	if when, err := time.Parse(time.RFC3339, exp); err != nil || !when.Equal(*out.Created.CertificateExpires) ||
		res["credential"] != "certificate" || res["certificateThumbprint"] != out.Created.CertificateThumbprint ||
		res["ok"] != true || res["secretExpires"] != nil {
		t.Errorf("status %v", res)
	}

	sec, err := f.store(t).Secrets("Cert")
	if err != nil || sec.CertificateKey == "" {
		t.Fatalf("the key is not in the keychain: %v", err)
	}
	// The search finds a key where one was written.
	planted := t.TempDir()
	if err := os.WriteFile(filepath.Join(planted, "leak.txt"), []byte("key: "+sec.CertificateKey), 0o600); err != nil {
		t.Fatal(err)
	}
	if fileHoldingKey(t, planted, sec.CertificateKey, start) == "" {
		t.Fatal("the search does not find a key written to a file")
	}
	home, _ := os.UserHomeDir()
	for _, dir := range []string{f.dir, home} {
		if path := fileHoldingKey(t, dir, sec.CertificateKey, start); path != "" {
			t.Errorf("the private key was written to %s", path)
		}
	}
}

// fileHoldingKey returns a file under dir changed since since that holds
// the key (PKCS #8 in base64 as the keychain keeps it, its DER bytes or a
// PEM block of it), or "". Go's own build and module caches are skipped:
// they are the toolchain's, written by every build on the machine.
func fileHoldingKey(t *testing.T, dir, key string, since time.Time) string {
	t.Helper()
	der, err := base64.StdEncoding.DecodeString(key)
	if err != nil {
		t.Fatal(err)
	}
	pemBody := strings.Split(string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})), "\n")[1]
	needles := [][]byte{[]byte(key[:64]), der[:64], []byte(pemBody)}
	skip := map[string]bool{}
	if caches, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE").Output(); err == nil {
		for _, p := range strings.Fields(string(caches)) {
			skip[p] = true
		}
	}
	found := ""
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case found != "":
			return fs.SkipAll
		case err != nil:
			return nil // unreadable: nothing the program could have written there
		case d.IsDir() && skip[path]:
			return fs.SkipDir
		case !d.Type().IsRegular():
			return nil
		}
		info, err := d.Info()
		if err != nil || info.ModTime().Before(since) || info.Size() > 64<<20 {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		for _, n := range needles {
			if bytes.Contains(data, n) {
				found = path
			}
		}
		return nil
	})
	return found
}

// TestSetupWithASecretInATenantThatBlocksThemLeavesNothingBehind asks for
// a secret where the app management policy forbids them: setup reads the
// policy before it creates anything, fails naming the policy and who can
// change it, and leaves no app behind.
func TestSetupWithASecretInATenantThatBlocksThemLeavesNothingBehind(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{AutoSignIn: true, AppPolicy: demotenant.AppPolicy{BlockSecrets: true}})
	r := f.run(t, runSetup, "", f.setupArgs("Blocked", "--credential", "secret", "--features", "read-users")...)
	if r.code != 1 || !strings.Contains(r.stdout, "does not allow client secrets") || !strings.Contains(r.stdout, "Security Administrator") ||
		!strings.Contains(r.stdout, "could not look for an existing registration") {
		t.Fatalf("exit %d\n%s", r.code, r.stdout)
	}
	if apps := f.srv.AppsNamed("Wizard Blocked"); len(apps) != 0 {
		t.Errorf("left behind %+v", apps)
	}
	if _, err := f.store(t).Get("Blocked"); err == nil {
		t.Error("a connection was saved")
	}
	if r := f.run(t, runSetup, "", f.setupArgs("Blocked", "--features", "read-users")...); r.code != 0 {
		t.Errorf("with the default certificate: exit %d\n%s", r.code, r.stdout)
	}
}
