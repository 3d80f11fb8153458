package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

// ldapFixture is a real slapd plus a settings folder and keyring of the
// test's own. The DNS record an admin would create is played by
// slapdtest.Resolver; nothing else is stood in for.
type ldapFixture struct {
	connectFixture
	srv *slapdtest.Server
}

func newLDAPFixture(t *testing.T) *ldapFixture {
	t.Helper()
	return newLDAPFixtureWith(t, slapdtest.Options{})
}

func newLDAPFixtureWith(t *testing.T, opts slapdtest.Options) *ldapFixture {
	t.Helper()
	f := &ldapFixture{srv: slapdtest.StartWith(t, opts)}
	f.dir = filepath.Join(t.TempDir(), "config")
	f.keyring = keystore.MemoryKeyring()
	f.deps = connectionDeps{
		openStore: func() (*keystore.Store, error) { return keystore.Open(f.dir, f.keyring) },
		ldap:      ldapconn.Config{Resolver: slapdtest.Resolver{}, Timeout: 10 * time.Second},
	}
	return f
}

func (f *ldapFixture) connect(t *testing.T, name, password string, extra ...string) cmdResult {
	t.Helper()
	args := []string{"--ldap", "--name", name, "--ldap-server", slapdtest.ServerName,
		"--ldap-port", strconv.Itoa(f.srv.Port), "--bind", slapdtest.BindDN, "--password-stdin"}
	return f.run(t, runConnect, password+"\n", append(args, extra...)...)
}

func decodeLDAP(t *testing.T, out string) []ldapResult {
	t.Helper()
	var res []ldapResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("status --json printed something that is not a JSON array: %v\n%s", err, out)
	}
	return res
}

func TestConnectLDAPSavesOnlyATestedConnectionWithItsPinnedCertificate(t *testing.T) {
	f := newLDAPFixture(t)
	fp := ldapconn.Fingerprint(f.srv.CertificateDER())

	first := f.connect(t, "Managed domain", slapdtest.BindPassword)
	if first.code != 1 {
		t.Fatalf("an untrusted certificate gave exit %d:\n%s%s", first.code, first.stdout, first.stderr)
	}
	for _, want := range []string{"not from an authority this computer trusts", "CN=*.aaddscontoso.com",
		"SHA-256 fingerprint: " + fp, "--trust-fingerprint " + fp, "- The bind account signs in (not tested)", "Nothing was saved."} {
		if !strings.Contains(first.stdout, want) {
			t.Errorf("the report lacks %q:\n%s", want, first.stdout)
		}
	}
	if list, _ := f.store(t).List(); len(list) != 0 {
		t.Fatalf("a failed test saved %v", list)
	}

	// People paste fingerprints in every form; lower case without colons too.
	pasted := strings.ToLower(strings.ReplaceAll(fp, ":", ""))
	second := f.connect(t, "Managed domain", slapdtest.BindPassword, "--trust-fingerprint", pasted)
	if second.code != 0 {
		t.Fatalf("the pinned connection gave exit %d:\n%s%s", second.code, second.stdout, second.stderr)
	}
	for _, want := range []string{"✓ Managed domain: secure LDAP", "trusted by its fingerprint", "Found 5 users and 3 groups", "Saved \"Managed domain\""} {
		if !strings.Contains(second.stdout, want) {
			t.Errorf("the report lacks %q:\n%s", want, second.stdout)
		}
	}
	p, err := f.store(t).Get("Managed domain")
	if err != nil {
		t.Fatal(err)
	}
	if p.Method != keystore.MethodLDAP || p.LDAP.Fingerprint != fp || p.LDAP.BaseDN != slapdtest.BaseDN || p.LDAP.Port != f.srv.Port {
		t.Errorf("saved %+v %+v", p, p.LDAP)
	}
	if sec, err := f.store(t).Secrets("Managed domain"); err != nil || sec.LDAPPassword != slapdtest.BindPassword {
		t.Errorf("the keychain does not hold the password (%v)", err)
	}
	data, _ := os.ReadFile(filepath.Join(f.dir, keystore.SettingsFileName))
	for _, out := range []string{first.stdout, first.stderr, second.stdout, second.stderr, string(data)} {
		if strings.Contains(out, slapdtest.BindPassword) {
			t.Fatal("the password leaked into the output or the settings file")
		}
	}

	status := f.run(t, runStatus, "", "--json")
	res := decodeLDAP(t, status.stdout)
	if status.code != 0 || len(res) != 1 || !res[0].OK || res[0].Users != 5 || res[0].Groups != 3 || res[0].Method != "ldap" {
		t.Fatalf("status gave exit %d and %+v", status.code, res)
	}
	if c := res[0].Certificate; c == nil || !c.Pinned || c.Fingerprint != fp {
		t.Errorf("status certificate = %+v", c)
	}
}

func TestStatusRefusesACertificateChangedAfterPinning(t *testing.T) {
	f := newLDAPFixture(t)
	fp := ldapconn.Fingerprint(f.srv.CertificateDER())
	if r := f.connect(t, "Pinned", slapdtest.BindPassword, "--trust-fingerprint", fp); r.code != 0 {
		t.Fatalf("connect gave exit %d:\n%s", r.code, r.stdout)
	}
	f.srv.RenewCertificate(t)
	status := f.run(t, runStatus, "", "--json")
	res := decodeLDAP(t, status.stdout)
	if status.code != 1 || len(res) != 1 || res[0].OK || res[0].Error == nil || res[0].Error.Code != ldapconn.CodeFingerprintChanged {
		t.Fatalf("status gave exit %d and %+v", status.code, res)
	}
	if !strings.Contains(res[0].Error.Message, "not the one you trusted") || !strings.Contains(res[0].Error.Message, fp) {
		t.Errorf("message = %q", res[0].Error.Message)
	}
	text := f.run(t, runStatus, "")
	if !strings.Contains(text.stdout, "X Pinned: the secure LDAP test failed") || strings.Contains(text.stdout, "--trust-fingerprint") {
		t.Errorf("status text should explain without offering to trust the new certificate at once:\n%s", text.stdout)
	}
}

// TestStatusSendsNoPasswordToACertificateTheSettingsWereEditedToTrust plays
// someone who can answer on the server's address with a certificate of
// their own and write the settings file: pinning their certificate there
// must not get them the bind password.
func TestStatusSendsNoPasswordToACertificateTheSettingsWereEditedToTrust(t *testing.T) {
	f := newLDAPFixture(t)
	saved := ldapconn.Fingerprint(f.srv.CertificateDER())
	if r := f.connect(t, "Pinned", slapdtest.BindPassword, "--trust-fingerprint", saved); r.code != 0 {
		t.Fatalf("connect gave exit %d:\n%s", r.code, r.stdout)
	}
	f.srv.RenewCertificate(t)
	theirs := ldapconn.Fingerprint(f.srv.CertificateDER())
	path := filepath.Join(f.dir, keystore.SettingsFileName)
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), saved) {
		t.Fatalf("the settings file does not hold the pin (%v)", err)
	}
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(string(data), saved, theirs)), 0o600); err != nil {
		t.Fatal(err)
	}
	status := f.run(t, runStatus, "", "--json")
	res := decodeLDAP(t, status.stdout)
	if status.code != 1 || len(res) != 1 || res[0].OK || res[0].Error == nil {
		t.Fatalf("status gave exit %d and %+v", status.code, res)
	}
	if msg := res[0].Error.Message; !strings.Contains(msg, theirs) || !strings.Contains(msg, saved) || !strings.Contains(msg, "connect again") {
		t.Errorf("message %q should name the certificate the password was saved for, the edited one, and what to do", msg)
	}
	if res[0].Users != 0 {
		t.Errorf("the server was searched with the saved password: %+v", res[0])
	}
}

func TestConnectLDAPFailuresSaveNothing(t *testing.T) {
	f := newLDAPFixture(t)
	fp := ldapconn.Fingerprint(f.srv.CertificateDER())
	cases := []struct {
		name     string
		password string
		extra    []string
		code     string
		text     string
	}{
		{"wrong password", "Wrong-pass-1", nil, ldapconn.CodeInvalidCredentials, "password hash"},
		{"missing base DN", slapdtest.BindPassword, []string{"--base-dn", "OU=Staff," + slapdtest.BaseDN}, ldapconn.CodeNoSuchObject, "base DN does not exist"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := f.connect(t, c.name, c.password, append([]string{"--json", "--trust-fingerprint", fp}, c.extra...)...)
			var res ldapResult
			if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, r.stdout)
			}
			if r.code != 1 || res.OK || res.Error == nil || res.Error.Code != c.code || !strings.Contains(res.Error.Message+res.Error.Hint, c.text) {
				t.Fatalf("exit %d, %+v", r.code, res.Error)
			}
			if strings.Contains(r.stdout, c.password) {
				t.Error("the password is in the output")
			}
		})
	}
	f.srv.Stop()
	r := f.connect(t, "server down", slapdtest.BindPassword, "--trust-fingerprint", fp)
	if r.code != 1 || !strings.Contains(r.stdout, "refused the connection") {
		t.Errorf("server down: exit %d\n%s", r.code, r.stdout)
	}
	if list, _ := f.store(t).List(); len(list) != 0 {
		t.Errorf("failed tests saved %v", list)
	}
}

func TestConnectLDAPBadUsage(t *testing.T) {
	f := &ldapFixture{}
	f.dir = filepath.Join(t.TempDir(), "config")
	f.keyring = keystore.MemoryKeyring()
	f.deps = connectionDeps{openStore: func() (*keystore.Store, error) { return keystore.Open(f.dir, f.keyring) }}
	base := []string{"--ldap", "--name", "x", "--ldap-server", "ldaps.aaddscontoso.com", "--bind", "admin@aaddscontoso.com"}
	for _, c := range []struct {
		args  []string
		stdin string
		want  string
	}{
		{base, "pw\n", "--password-stdin"},
		{append(base, "--password-stdin", "--ldap-port", "389"), "pw\n", "--ldap-port: port 389 is LDAP without encryption"},
		{append(base, "--password-stdin", "--trust-fingerprint", "abc"), "pw\n", "--trust-fingerprint: a SHA-256 fingerprint is 64"},
		{append(base, "--password-stdin", "--base-dn", "aaddscontoso.com"), "pw\n", "--base-dn: not a valid distinguished name"},
		{append(base, "--password-stdin"), "", "standard input was empty"},
		{append(base, "--password-stdin", "--tenant", "contoso"), "pw\n", "are for Entra ID"},
		{[]string{"--ldap", "--name", "x", "--ldap-server", "20.1.2.3", "--bind", "CN=a,DC=b", "--password-stdin"}, "pw\n", "cannot guess the managed domain"},
	} {
		r := f.run(t, runConnect, c.stdin, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, r.code, r.stderr, c.want)
		}
	}
	help := f.run(t, runConnect, "", "--ldap", "--help")
	if help.code != 0 || !strings.Contains(help.stdout, "--trust-fingerprint") {
		t.Errorf("help: %d %q", help.code, help.stdout)
	}
}

// A certificate Go cannot read is shown by its fingerprint and explained;
// no --trust-fingerprint is offered, since no connection can use it.
func TestConnectLDAPExplainsACertificateWithANegativeSerialNumber(t *testing.T) {
	f := newLDAPFixtureWith(t, slapdtest.Options{NegativeSerial: true})
	fp := ldapconn.Fingerprint(f.srv.CertificateDER())
	r := f.connect(t, "Managed domain", slapdtest.BindPassword)
	if r.code != 1 {
		t.Fatalf("exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"negative serial number", "SHA-256 fingerprint: " + fp, "CN=*.aaddscontoso.com", "Create a new certificate", "Nothing was saved."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the report lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, unwanted := range []string{"--trust-fingerprint", "plain LDAP"} {
		if strings.Contains(r.stdout, unwanted) {
			t.Errorf("the report says %q:\n%s", unwanted, r.stdout)
		}
	}
}
