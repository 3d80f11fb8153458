package cli

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

// hostile is a name a tenant's administrator (or anyone who may rename a
// user) can choose: it retitles the terminal window, clears the screen,
// rewrites the line, reverses the text after it and carries a C1 control.
const hostile = "Evil\x1b]0;owned\x07\x1b[2J Corp\r\u202egnp.exe\u2066 \u0085Ltd"

// actors are the characters of hostile that act on a terminal.
var actors = []string{"\x1b", "\x07", "\r", "\u202e", "\u2066", "\u0085"}

// assertInert fails if out carries any of hostile's acting characters raw,
// or does not show the name with visible escapes (the spelling JSON reads
// too).
func assertInert(t *testing.T, where, out string) {
	t.Helper()
	var lines []string
	for line := range strings.Lines(out) {
		if strings.Contains(line, "Evil") {
			lines = append(lines, line)
		}
	}
	shown := strings.Join(lines, "")
	for _, a := range actors {
		if strings.Contains(out, a) {
			t.Errorf("%s carries %q raw:\n%q", where, a, shown)
		}
	}
	for _, want := range []string{`Evil\u001b]0;owned\u0007\u001b[2J Corp`, `\u202egnp.exe\u2066 \u0085Ltd`} {
		if !strings.Contains(out, want) {
			t.Errorf("%s does not show %s:\n%q", where, want, shown)
		}
	}
}

func TestTerminalTextShowsWhatWouldActOnTheTerminal(t *testing.T) {
	for in, want := range map[string]string{
		"plain name, line\n\ttab": "plain name, line\n\ttab",
		"\x1b[31mred\x7f":         `\u001b[31mred\u007f`,
		"\u202eabc\u200f\u061c":   `\u202eabc\u200f\u061c`,
		"bad \xff byte":           "bad \ufffd byte",
	} {
		if got := TerminalText(in); got != want {
			t.Errorf("TerminalText(%q) = %q, want %q", in, got, want)
		}
	}
}

// A character split across two writes (a CSV writer flushes at any byte)
// is escaped once it is whole.
func TestTerminalWriterJoinsSplitCharacters(t *testing.T) {
	var b strings.Builder
	w := &terminalWriter{w: &b}
	text := []byte("a\u202eb\u0085c€")
	for i := range text {
		if _, err := w.Write(text[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), `a\u202eb\u0085c€`; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}

func TestOrganizationNameIsInertOnTheTerminalAndInJSON(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{OrganizationName: hostile})
	res := f.connectSecret(t, "evil", f.info.ClientID, f.info.ClientSecret)
	if res.code != 0 {
		t.Fatalf("connect: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	assertInert(t, "connect", res.stdout+res.stderr)
	res = f.run(t, runStatus, "", "--name", "evil")
	assertInert(t, "status", res.stdout+res.stderr)

	res = f.run(t, runStatus, "", "--name", "evil", "--json")
	assertInert(t, "status --json", res.stdout)
	var results []connectionResult
	if err := json.Unmarshal([]byte(res.stdout), &results); err != nil || len(results) != 1 {
		t.Fatalf("status --json is not valid JSON (%v):\n%s", err, res.stdout)
	}
	if results[0].Organization != hostile {
		t.Errorf("the JSON decodes to the organization %q, want %q", results[0].Organization, hostile)
	}
}

func TestChangesAndExportShowHostileNamesInert(t *testing.T) {
	f := exportFixture(t)
	if res := f.run(t, runChanges, "", "users", "--name", "northwind"); res.code != 0 {
		t.Fatalf("baseline: exit %d: %s", res.code, res.stderr)
	}
	u, err := f.adminClient(t).CreateUser(context.Background(), graph.NewUser{DisplayName: hostile,
		UserPrincipalName: "hostile@" + f.info.TenantDomain, UsageLocation: "GB", Password: "Str0ng-Passw0rd-1"})
	if err != nil {
		t.Fatal(err)
	}
	// Text and JSON read the same change: each from a baseline of its own.
	res := f.run(t, runChanges, "", "users", "--name", "northwind")
	if res.code != 0 || !strings.Contains(res.stdout, u.ID) {
		t.Fatalf("changes: exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
	assertInert(t, "changes", res.stdout)

	res = f.run(t, runExport, "", "users", "--name", "northwind")
	if res.code != 0 {
		t.Fatalf("export: exit %d: %s", res.code, res.stderr)
	}
	assertInert(t, "export to stdout", res.stdout)
	out := filepath.Join(t.TempDir(), "users.csv")
	if res = f.run(t, runExport, "", "users", "--name", "northwind", "--output", out); res.code != 0 {
		t.Fatalf("export to a file: exit %d: %s", res.code, res.stderr)
	}
	if data, err := os.ReadFile(out); err != nil || !strings.Contains(string(data), hostile) {
		t.Errorf("the exported file does not keep the name exactly (%v)", err)
	}
}

func TestChangesJSONEncodesDirectionMarks(t *testing.T) {
	f := exportFixture(t)
	if res := f.run(t, runChanges, "", "users", "--name", "northwind", "--json"); res.code != 0 {
		t.Fatalf("baseline: exit %d: %s", res.code, res.stderr)
	}
	if _, err := f.adminClient(t).CreateUser(context.Background(), graph.NewUser{DisplayName: hostile,
		UserPrincipalName: "hostile@" + f.info.TenantDomain, UsageLocation: "GB", Password: "Str0ng-Passw0rd-1"}); err != nil {
		t.Fatal(err)
	}
	res := f.run(t, runChanges, "", "users", "--name", "northwind", "--json")
	assertInert(t, "changes --json", res.stdout)
	if events := jsonEvents(t, res.stdout); len(events) != 1 || events[0]["displayName"] != hostile {
		t.Errorf("the JSON does not decode to the name: %v", events)
	}
}

// The settings file is the user's own, but anything that can write to it
// can choose the names status prints.
func TestConnectionNamesFromTheSettingsFileAreInert(t *testing.T) {
	f := exportFixture(t)
	path := filepath.Join(f.dir, keystore.SettingsFileName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	quoted, _ := json.Marshal(hostile)
	edited := strings.ReplaceAll(string(data), `"northwind"`, string(quoted))
	if edited == string(data) {
		t.Fatalf("the settings file does not name the connection as expected:\n%s", data)
	}
	if err := os.WriteFile(path, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	res := f.run(t, runStatus, "")
	assertInert(t, "status", res.stdout+res.stderr)
}

// TestLDAPCertificateDetailsAreInert connects to a TLS server whose
// self-signed certificate names its subject and issuer with hostile: the
// report shows them before any trust decision, so they must arrive inert.
func TestLDAPCertificateDetailsAreInert(t *testing.T) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: hostile},
		DNSNames:     []string{slapdtest.ServerName},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			_ = c.(*tls.Conn).Handshake()
			_ = c.Close()
		}
	}()
	f := &ldapFixture{}
	f.dir = filepath.Join(t.TempDir(), "config")
	f.keyring = keystore.MemoryKeyring()
	f.deps = connectionDeps{
		openStore: func() (*keystore.Store, error) { return keystore.Open(f.dir, f.keyring) },
		ldap:      ldapconn.Config{Resolver: slapdtest.Resolver{}, Timeout: 10 * time.Second},
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	for _, extra := range [][]string{nil, {"--json"}} {
		args := append([]string{"--ldap", "--name", "Hostile server", "--ldap-server", slapdtest.ServerName,
			"--ldap-port", port, "--bind", slapdtest.BindDN, "--password-stdin"}, extra...)
		res := f.run(t, runConnect, "Reader-pass-1\n", args...)
		if res.code != 1 {
			t.Fatalf("connect %v to an untrusted server gave exit %d:\n%s%s", extra, res.code, res.stdout, res.stderr)
		}
		out := res.stdout + res.stderr
		for _, a := range actors {
			if strings.Contains(out, a) {
				t.Errorf("connect --ldap %v carries %q raw:\n%q", extra, a, out)
			}
		}
		// The certificate's name arrives as RFC 2253 text, which escapes
		// the semicolon.
		if !strings.Contains(out, `Evil\u001b]0`) || !strings.Contains(out, `\u202egnp.exe\u2066`) {
			t.Errorf("connect --ldap %v does not show the certificate's names with visible escapes:\n%q", extra, out)
		}
	}
}
