package ldapconn_test

import (
	"context"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/adtest"
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

// BenchmarkMembersOfALargeGroup lists the members of a 2,000-member group
// through a proxy that answers as Active Directory does and adds latency to
// every round trip, as between an admin's computer and a managed domain.
func BenchmarkMembersOfALargeGroup(b *testing.B) {
	srv := adtest.Start(b)
	d := openAD(b, srv)
	for _, latency := range []time.Duration{0, 20 * time.Millisecond, 80 * time.Millisecond} {
		b.Run(latency.String(), func(b *testing.B) {
			srv.SetLatency(latency)
			for b.Loop() {
				if m, err := d.Members(context.Background(), adtest.BulkGroupDN); err != nil || len(m) != adtest.BulkUsers {
					b.Fatal(len(m), err)
				}
			}
		})
	}
}
