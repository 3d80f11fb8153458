package ldapconn

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/go-ldap/ldap/v3"
)

// open runs the steps up to the bind, recording each in rep.
func open(ctx context.Context, cfg Config, s Settings, password string, rep *Report) (*Directory, error) {
	addrs, err := resolve(ctx, cfg, s.Server)
	if err != nil {
		rep.fail(StepDNS, err)
		return nil, rep.Err
	}
	rep.pass(StepDNS, resolvedDetail(s.Server, addrs))

	conn, err := dialTCP(ctx, cfg, addrs, s.Port)
	if err != nil {
		rep.fail(StepTCP, err)
		return nil, rep.Err
	}
	rep.pass(StepTCP, "connected to "+conn.RemoteAddr().String())

	tlsConn, cert, err := handshake(ctx, cfg, conn, s)
	rep.Certificate = cert
	if err != nil {
		conn.Close()
		rep.fail(StepTLS, err)
		return nil, rep.Err
	}
	rep.pass(StepTLS, tlsDetail(*cert))

	d, err := bind(cfg, tlsConn, s, password)
	if err != nil {
		rep.fail(StepBind, err)
		return nil, rep.Err
	}
	rep.pass(StepBind, "signed in as "+s.BindAccount)
	return d, nil
}

func resolve(ctx context.Context, cfg Config, host string) ([]string, error) {
	if net.ParseIP(host) != nil {
		return []string{host}, nil
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout())
	defer cancel()
	addrs, err := cfg.lookupHost(ctx, host)
	if err == nil && len(addrs) == 0 {
		err = &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
	}
	if err == nil {
		return addrs, nil
	}
	// Not "type the IP address instead": the certificate covers names
	// only, so the certificate check would then fail.
	dnsHint := "Create a DNS record (type A) named " + host + " that points to the managed domain's secure LDAP external IP address " +
		"(shown on its Properties page in the Azure portal); for a quick try from this computer alone, a line in its hosts file does the same."
	var de *net.DNSError
	if errors.As(err, &de) && de.IsNotFound {
		return nil, newError(StepDNS, CodeNameNotFound, err, dnsHint, "the name %s does not resolve to an address", host)
	}
	if errors.As(err, &de) && de.IsTimeout || errors.Is(err, context.DeadlineExceeded) {
		return nil, newError(StepDNS, CodeTimeout, err, "Check this computer's network and DNS settings, then test again.",
			"looking up %s took too long", host)
	}
	return nil, newError(StepDNS, CodeDNS, err, dnsHint, "looking up %s failed: %v", host, err)
}

func resolvedDetail(host string, addrs []string) string {
	if len(addrs) == 1 && addrs[0] == host {
		return host + " is an IP address"
	}
	return host + " is " + strings.Join(addrs, ", ")
}

// dialTCP tries each address in turn and returns the first connection.
func dialTCP(ctx context.Context, cfg Config, addrs []string, port int) (net.Conn, error) {
	dialer := net.Dialer{Timeout: cfg.timeout()}
	var firstErr error
	for _, a := range addrs {
		conn, err := dialer.DialContext(ctx, "tcp", net.JoinHostPort(a, strconv.Itoa(port)))
		if err == nil {
			return conn, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, classifyDial(firstErr, addrs[0], port, cfg)
}

func classifyDial(err error, addr string, port int, cfg Config) *Error {
	target := net.JoinHostPort(addr, strconv.Itoa(port))
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		return newError(StepTCP, CodeTimeout, err,
			"Most often the network security group of the managed domain's virtual network does not allow this computer: "+
				"add an inbound rule that allows TCP "+strconv.Itoa(port)+" from this computer's public IP address only. "+
				"Also check that a firewall here lets the connection out.",
			"no answer from %s within %s", target, cfg.timeout())
	case errors.Is(err, syscall.ECONNREFUSED):
		return newError(StepTCP, CodeRefused, err,
			"Nothing accepts connections on that port. Check that secure LDAP is enabled on the managed domain, "+
				"with access over the internet allowed, and that the port is 636.",
			"%s refused the connection", target)
	case errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETUNREACH):
		return newError(StepTCP, CodeUnreachable, err,
			"This computer has no route to that address. Check its network connection and the address.",
			"%s cannot be reached from this computer", target)
	}
	return newError(StepTCP, CodeUnreachable, err, "Check the server name, the port and this computer's network.",
		"connecting to %s failed: %v", target, err)
}

// handshake runs TLS and decides whether to trust the certificate before a
// single byte of the password is sent.
func handshake(ctx context.Context, cfg Config, conn net.Conn, s Settings) (*tls.Conn, *Certificate, error) {
	tcfg := &tls.Config{
		// Verification happens below, so that an untrusted certificate can
		// be described to the admin instead of only failing.
		InsecureSkipVerify: true, //nolint:gosec // checked by trustCertificate
		MinVersion:         tls.VersionTLS12,
	}
	if net.ParseIP(s.Server) == nil {
		tcfg.ServerName = s.Server
	}
	tlsConn := tls.Client(conn, tcfg)
	hctx, cancel := context.WithTimeout(ctx, cfg.timeout())
	defer cancel()
	if err := tlsConn.HandshakeContext(hctx); err != nil {
		if strings.HasPrefix(err.Error(), unparsedPrefix) {
			cert, e := unreadableCertificate(ctx, cfg, conn.RemoteAddr().String(), tcfg.ServerName, err)
			return nil, cert, e
		}
		return nil, nil, classifyHandshake(err, s, cfg)
	}
	state := tlsConn.ConnectionState()
	if len(state.PeerCertificates) == 0 {
		return nil, nil, newError(StepTLS, CodeTLSHandshake, nil, "Check that the port is secure LDAP (636).",
			"the server presented no certificate")
	}
	cert, err := trustCertificate(cfg, s, state.PeerCertificates)
	if err != nil {
		return nil, cert, err
	}
	return tlsConn, cert, nil
}

func classifyHandshake(err error, s Settings, cfg Config) *Error {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		return newError(StepTLS, CodeTimeout, err,
			"Something accepted the connection but did not start secure LDAP. Check that secure LDAP is enabled "+
				"and its certificate uploaded, and that nothing between here and the server intercepts port "+strconv.Itoa(s.Port)+".",
			"the secure connection to %s was not set up within %s", s.Address(), cfg.timeout())
	}
	return newError(StepTLS, CodeTLSHandshake, err,
		"Check that the port is secure LDAP (636), not plain LDAP, and that secure LDAP is enabled with its certificate.",
		"the secure connection to %s failed: %v", s.Address(), err)
}

// bind starts LDAP on the secure connection and signs in.
func bind(cfg Config, conn *tls.Conn, s Settings, password string) (*Directory, error) {
	if password == "" {
		conn.Close()
		return nil, newError(StepBind, CodeInvalidCredentials, nil, "Type the bind account's password.",
			"the password is empty")
	}
	l := ldap.NewConn(conn, true)
	l.Start()
	l.SetTimeout(cfg.timeout())
	if err := l.Bind(s.BindAccount, password); err != nil {
		l.Close()
		return nil, classifyLDAP(StepBind, err, s.BindAccount)
	}
	d := &Directory{conn: l, settings: s, timeout: cfg.timeout()}
	d.readRootDSE()
	return d, nil
}

// readRootDSE notes what the server says of itself in its rootDSE (RFC 4512
// 5.1): the naming contexts it holds, to explain a base DN outside them,
// and whether it sorts search results (supportedControl). A server that
// does not say is treated as one that holds nothing known and sorts
// nothing.
func (d *Directory) readRootDSE() {
	req := ldap.NewSearchRequest("", ldap.ScopeBaseObject, ldap.NeverDerefAliases, 1, int(d.timeout/time.Second), false,
		"(objectClass=*)", []string{"defaultNamingContext", "namingContexts", "supportedControl"}, nil)
	res, err := d.conn.Search(req)
	if err != nil || len(res.Entries) != 1 {
		return
	}
	// Active Directory names its domain in defaultNamingContext and lists
	// the configuration, schema and DNS partitions among namingContexts.
	d.namingContexts = res.Entries[0].GetAttributeValues("defaultNamingContext")
	if len(d.namingContexts) == 0 {
		d.namingContexts = res.Entries[0].GetAttributeValues("namingContexts")
	}
	d.sorts = slices.Contains(res.Entries[0].GetAttributeValues("supportedControl"), ldap.ControlTypeServerSideSorting)
}

func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
