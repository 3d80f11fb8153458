package slapdtest

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

// The managed domain the server imitates.
const (
	Domain = "aaddscontoso.com"
	BaseDN = "DC=aaddscontoso,DC=com"
	// ServerName is the name an admin would give the secure LDAP address in
	// DNS; tests resolve it to the loopback address with Resolver.
	ServerName = "ldaps." + Domain
	// BindDN and BindPassword are a service account in OU=AADDC Users,
	// the account the tests bind as.
	BindDN       = "CN=LDAP Reader,OU=AADDC Users," + BaseDN
	BindPassword = "Reader-pass-1"
	rootDN       = "CN=slapd admin," + BaseDN
	rootPassword = "root-pass-for-seeding"
)

// securityPrincipalSchema adds the auxiliary class through which Active
// Directory gives users, groups and computers their sAMAccountName; the
// msuser schema that ships with OpenLDAP leaves it out.
// It carries objectSid too, the security identifier whose last part (the
// relative identifier) users name in primaryGroupID.
const securityPrincipalSchema = `objectclass ( 1.2.840.113556.1.5.6 NAME 'securityPrincipal' SUP top AUXILIARY
 MAY ( sAMAccountName $ objectSid ) )
`

// msuserSchema is OpenLDAP's copy of Active Directory's schema, with one
// change: primaryGroupID gets the integer matching Active Directory gives
// it (an indexed attribute that searches such as (primaryGroupID=513)
// find), which the shipped file leaves out, so that slapd cannot match it.
func msuserSchema() ([]byte, error) {
	b, err := os.ReadFile("/etc/ldap/schema/msuser.schema")
	if err != nil {
		return nil, err
	}
	from := []byte("NAME 'primaryGroupID'\n\tSYNTAX")
	if !bytes.Contains(b, from) {
		return nil, fmt.Errorf("msuser.schema defines primaryGroupID in an unknown way")
	}
	return bytes.Replace(b, from, []byte("NAME 'primaryGroupID'\n\tEQUALITY integerMatch\n\tSYNTAX"), 1), nil
}

// inetOrgPersonSchema is OpenLDAP's inetOrgPerson schema with one change:
// displayName gets an ordering rule, so that it can be sorted by, as
// Active Directory sorts by it; the shipped file gives it none.
func inetOrgPersonSchema() ([]byte, error) {
	b, err := os.ReadFile("/etc/ldap/schema/inetorgperson.schema")
	if err != nil {
		return nil, err
	}
	from := []byte("preferred name to be used when displaying entries'\n\tEQUALITY caseIgnoreMatch\n")
	if !bytes.Contains(b, from) {
		return nil, fmt.Errorf("inetorgperson.schema defines displayName in an unknown way")
	}
	return bytes.Replace(b, from, append(from, []byte("\tORDERING caseIgnoreOrderingMatch\n")...), 1), nil
}

// TB is what Start needs of a test; *testing.T and *testing.B provide it,
// and so can a program that takes screenshots.
type TB interface {
	Helper()
	TempDir() string
	Cleanup(func())
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Skip(args ...any)
}

// Options change how the server behaves, for tests of what a domain
// controller does.
type Options struct {
	// IdleTimeout, when not 0, closes connections idle for that many
	// seconds, as Active Directory does after MaxConnIdleTime.
	IdleTimeout int
	// NegativeSerial gives the server (once seeded; Add then fails) a
	// certificate whose serial number is negative, which RFC 5280 forbids and Go has refused to parse since
	// Go 1.23, as some old certificate tools made them.
	NegativeSerial bool
	// NoSAN gives the server a certificate that names the domain only in
	// its subject's common name, without a Subject Alternative Name, which
	// Go (like current browsers) ignores when matching the server's name.
	NoSAN bool
	// Sorting offers server-side sorting (RFC 2891, the control Active
	// Directory calls LDAP_SERVER_SORT_OID) through OpenLDAP's sssvlv
	// overlay, by displayName as Active Directory sorts it.
	Sorting bool
	// Referrals answers a search whose base is outside the server's naming
	// context with a referral (LDAP result 10), as Active Directory does,
	// instead of "no such object".
	Referrals bool
}

// Server is a running slapd.
type Server struct {
	// Port is the loopback port of its secure LDAP listener.
	Port int
	// Authority is the throwaway authority that issued its certificate.
	Authority *x509.Certificate

	dir       string
	ca        authority
	mu        sync.Mutex
	cmd       *exec.Cmd
	done      chan struct{}
	log       *bytes.Buffer
	certDER   []byte
	slapdPath string
	opts      Options
}

// Start starts slapd for t and stops it when t ends. It skips t when slapd
// is not installed, and in the quick check (go test -short).
func Start(t TB) *Server {
	t.Helper()
	return StartWith(t, Options{})
}

// StartWith starts slapd like Start, with opts.
func StartWith(t TB, opts Options) *Server {
	t.Helper()
	// The screenshot walk starts slapd outside a test, where -short is
	// not defined.
	if testing.Testing() && testing.Short() {
		t.Skip("-short: this test needs a real slapd (make test runs it)")
	}
	path := slapdPath()
	if path == "" {
		t.Skip("slapd is not installed (Debian package slapd); the LDAP tests need a real server. " +
			"Install it with: sudo apt-get install slapd ldap-utils")
	}
	// The seed goes in over secure LDAP, which a faulty certificate would
	// stop, so such a certificate replaces a good one after the seed.
	s := &Server{dir: t.TempDir(), ca: newAuthority(t), slapdPath: path, opts: opts}
	s.opts.NegativeSerial, s.opts.NoSAN = false, false
	s.Authority = s.ca.cert
	s.Port = freePort(t)
	s.newCertificate(t)
	s.writeConfig(t)
	s.start(t)
	t.Cleanup(s.Stop)
	s.seed(t)
	if opts != s.opts {
		s.opts = opts
		s.RenewCertificate(t)
	}
	return s
}

// slapdPath finds slapd on PATH or where Debian installs it.
func slapdPath() string {
	if p, err := exec.LookPath("slapd"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/slapd"); err == nil {
		return "/usr/sbin/slapd"
	}
	return ""
}

// Addr is "127.0.0.1:port".
func (s *Server) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.Port)) }

// CertificateDER is the server certificate it presents now.
func (s *Server) CertificateDER() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.certDER
}

// Pool is a certificate pool that trusts the server's authority.
func (s *Server) Pool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(s.Authority)
	return p
}

// RenewCertificate gives the server a new key and certificate from the same
// authority and restarts it on the same port, as happens when an admin
// uploads a new certificate to the managed domain.
func (s *Server) RenewCertificate(t TB) {
	t.Helper()
	s.Stop()
	s.newCertificate(t)
	s.start(t)
}

// Restart stops the server and starts it again on the same port, with the
// same certificate and content, as a domain controller's restart does;
// every open connection is closed.
func (s *Server) Restart(t TB) {
	t.Helper()
	s.Stop()
	s.start(t)
}

// Stop stops the server; a stopped server refuses connections.
func (s *Server) Stop() {
	s.mu.Lock()
	cmd, done := s.cmd, s.done
	s.cmd = nil
	s.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Signal(os.Interrupt)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}

func (s *Server) newCertificate(t TB) {
	certPEM, keyPEM, der := s.ca.issue(t, Domain, s.opts)
	writeFile(t, filepath.Join(s.dir, "server.pem"), certPEM)
	writeFile(t, filepath.Join(s.dir, "server.key"), keyPEM)
	s.mu.Lock()
	s.certDER = der
	s.mu.Unlock()
}

func (s *Server) start(t TB) {
	t.Helper()
	log := &bytes.Buffer{}
	cmd := exec.Command(s.slapdPath, "-f", filepath.Join(s.dir, "slapd.conf"),
		"-h", "ldaps://"+s.Addr()+"/", "-d", "0")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting slapd: %v", err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	s.mu.Lock()
	s.cmd, s.done, s.log = cmd, done, log
	s.mu.Unlock()
	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case <-done:
			t.Fatalf("slapd stopped at start:\n%s", log.String())
		default:
		}
		if c, err := net.DialTimeout("tcp", s.Addr(), time.Second); err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			s.Stop()
			t.Fatalf("slapd did not listen on %s within 15s:\n%s", s.Addr(), log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *Server) writeConfig(t TB) {
	t.Helper()
	db := filepath.Join(s.dir, "db")
	if err := os.MkdirAll(db, 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(s.dir, "ca.pem"), pemOf(s.ca.cert.Raw))
	writeFile(t, filepath.Join(s.dir, "securityprincipal.schema"), []byte(securityPrincipalSchema))
	msuser, err := msuserSchema()
	if err != nil {
		t.Fatalf("reading OpenLDAP's Active Directory schema (Debian package slapd): %v", err)
	}
	writeFile(t, filepath.Join(s.dir, "msuser.schema"), msuser)
	inetorg, err := inetOrgPersonSchema()
	if err != nil {
		t.Fatalf("reading OpenLDAP's inetOrgPerson schema (Debian package slapd): %v", err)
	}
	writeFile(t, filepath.Join(s.dir, "inetorgperson.schema"), inetorg)
	global := ""
	if s.opts.IdleTimeout > 0 {
		global += fmt.Sprintf("idletimeout %d\n", s.opts.IdleTimeout)
	}
	if s.opts.Referrals {
		global += "referral ldap://" + Domain + "/\n"
	}
	modules, overlays := "", ""
	if s.opts.Sorting {
		modules, overlays = "moduleload sssvlv\n", "overlay sssvlv\n"
	}
	conf := global + fmt.Sprintf(`# Written by slapdtest for one test run.
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include %[1]s/inetorgperson.schema
include /etc/ldap/schema/nis.schema
include %[1]s/msuser.schema
include %[1]s/securityprincipal.schema
modulepath /usr/lib/ldap
moduleload back_mdb
%[6]spidfile %[1]s/slapd.pid
argsfile %[1]s/slapd.args
TLSCACertificateFile %[1]s/ca.pem
TLSCertificateFile %[1]s/server.pem
TLSCertificateKeyFile %[1]s/server.key
# Active Directory's LDAP policies: at most MaxPageSize (1000) entries
# without paging or in one page, any number in a paged search.
sizelimit size.soft=1000 size.hard=1000 size.pr=1000 size.prtotal=unlimited
database mdb
maxsize 268435456
dbnosync
suffix "%[2]s"
rootdn "%[3]s"
rootpw %[4]s
directory %[5]s
access to attrs=userPassword by self write by anonymous auth by * none
access to * by users read by * none
`, s.dir, BaseDN, rootDN, rootPassword, db, modules) + overlays
	writeFile(t, filepath.Join(s.dir, "slapd.conf"), []byte(conf))
}

// TLSCertificate is the certificate and key the server presents now, for a
// test server that stands in front of it under the same name.
func (s *Server) TLSCertificate() (tls.Certificate, error) {
	return tls.LoadX509KeyPair(filepath.Join(s.dir, "server.pem"), filepath.Join(s.dir, "server.key"))
}
