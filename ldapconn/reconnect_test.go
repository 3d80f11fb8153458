package ldapconn_test

import (
	"context"
	"crypto/tls"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/go-ldap/ldap/v3"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

// counted hands out the bind password and counts how often it was asked
// for, as the keychain would be.
type counted struct{ asks int }

func (c *counted) password() (string, error) {
	c.asks++
	return slapdtest.BindPassword, nil
}

func pinned(srv *slapdtest.Server) ldapconn.Settings {
	s := settingsFor(srv)
	s.Fingerprint = ldapconn.Fingerprint(srv.CertificateDER())
	return s
}

func TestAConnectionTheServerClosedWhenIdleIsOpenedAgainOnTheNextSearch(t *testing.T) {
	srv := slapdtest.StartWith(t, slapdtest.Options{IdleTimeout: 1})
	pw := &counted{}
	d, err := ldapconn.OpenReconnecting(context.Background(), untrusting(), pinned(srv), pw.password)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()

	// A connection of its own, opened at the same time, shows when the
	// server has dropped idle connections.
	probe, err := ldap.DialURL("ldaps://"+srv.Addr(), ldap.DialWithTLSConfig(&tls.Config{RootCAs: srv.Pool(), ServerName: slapdtest.ServerName}))
	if err != nil {
		t.Fatal(err)
	}
	defer probe.Close()
	if err := probe.Bind(slapdtest.BindDN, slapdtest.BindPassword); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); !probe.IsClosing(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("slapd never closed the idle connection")
		}
	}

	users, err := d.Users(context.Background(), "", 0)
	if err != nil {
		t.Fatalf("the search after the idle timeout failed: %v", err)
	}
	if len(users) != slapdtest.Users || pw.asks != 2 {
		t.Errorf("%d users, the password was asked for %d times; want %d and 2", len(users), pw.asks, slapdtest.Users)
	}
}

func TestAConnectionLostToARestartIsOpenedAgainAndChecksTheCertificateAgain(t *testing.T) {
	srv := slapdtest.Start(t)
	pw := &counted{}
	d, err := ldapconn.OpenReconnecting(context.Background(), untrusting(), pinned(srv), pw.password)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()

	srv.Restart(t)
	groups, err := d.Groups(context.Background(), "", 0)
	if err != nil || len(groups) != slapdtest.Groups {
		t.Fatalf("after a restart: %d groups, %v", len(groups), err)
	}

	// A new certificate behind the same address is refused on the way back
	// in, as it would be on a first connection.
	srv.RenewCertificate(t)
	_, err = d.Groups(context.Background(), "", 0)
	e, ok := ldapconn.AsError(err)
	if !ok || e.Code != ldapconn.CodeFingerprintChanged || !errors.Is(err, ldapconn.ErrConnectionLost) ||
		!strings.Contains(e.Message, "connection to the server was lost, and connecting again failed") {
		t.Fatalf("after a new certificate: %v (%+v)", err, e)
	}

	srv.Stop()
	_, err = d.Users(context.Background(), "", 0)
	if e, ok := ldapconn.AsError(err); !ok || e.Code != ldapconn.CodeRefused || !errors.Is(err, ldapconn.ErrConnectionLost) {
		t.Fatalf("with the server down: %v", err)
	}
}
