package ldapconn_test

import (
	"context"
	"testing"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

// BenchmarkConnectionTest runs the whole checklist (name, TCP, TLS, bind,
// two counting searches) against a real slapd on loopback.
func BenchmarkConnectionTest(b *testing.B) {
	srv := slapdtest.Start(b)
	s := ldapconn.Settings{Server: slapdtest.ServerName, Port: srv.Port, BindAccount: slapdtest.BindDN, BaseDN: slapdtest.BaseDN,
		Fingerprint: ldapconn.Fingerprint(srv.CertificateDER())}
	cfg := ldapconn.Config{Resolver: slapdtest.Resolver{}}
	for b.Loop() {
		if rep := ldapconn.Test(context.Background(), cfg, s, slapdtest.BindPassword); !rep.OK() {
			b.Fatal(rep.Err.Message)
		}
	}
}

// BenchmarkUserSearch searches users on an open connection.
func BenchmarkUserSearch(b *testing.B) {
	srv := slapdtest.Start(b)
	s := ldapconn.Settings{Server: slapdtest.ServerName, Port: srv.Port, BindAccount: slapdtest.BindDN, BaseDN: slapdtest.BaseDN,
		Fingerprint: ldapconn.Fingerprint(srv.CertificateDER())}
	d, err := ldapconn.Open(context.Background(), ldapconn.Config{Resolver: slapdtest.Resolver{}}, s, slapdtest.BindPassword)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	for b.Loop() {
		if u, err := d.Users(context.Background(), "a", 0); err != nil || len(u) == 0 {
			b.Fatal(len(u), err)
		}
	}
}
