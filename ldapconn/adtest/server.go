// Package adtest serves, for tests, a directory that answers LDAP the way
// Active Directory (and so an Entra Domain Services managed domain) does
// where OpenLDAP does not: a real slapd (package slapdtest) behind a small
// proxy on a loopback port that reads every LDAP message and rewrites what
// Active Directory would answer differently.
//
//   - Range retrieval (MS-ADTS 3.1.1.3.1.3.3, LDAP policy MaxValRange): an
//     attribute with more than MaxValRange values comes back as
//     "member;range=0-1499" with the first 1,500 values, and a request for
//     "member;range=1500-*" (or "member;range=1500-2999") is answered from
//     the full list, the last part named "member;range=1500-*".
//   - Latency: each request reaches slapd a set time after the client sent
//     it, as over a wide-area network.
//   - Optionally the client's size limit is dropped, as by a server that
//     ignores it.
//   - Server-side sorting (LDAP_SERVER_SORT_OID, 1.2.840.113556.1.4.473) is
//     offered in the rootDSE's supportedControl, as Active Directory offers
//     it; slapd's sssvlv overlay does the sorting.
//   - A search whose base is outside the domain is answered with a
//     referral (LDAP result 10), not "no such object".
//   - A simple bind as NETBIOSNAME\sAMAccountName (a down-level logon
//     name) signs in as that account, as Active Directory accepts it
//     besides a DN or a user principal name; slapd knows only DNs.
//
// The proxy speaks secure LDAP with the same certificate as slapd, so a
// test pins the same fingerprint; the client's code talks real LDAP over
// real TLS. Start also seeds what only a large domain has: BulkUsers users
// (added in shuffled order, so the server's order is not the names' order)
// in a group of them all, and Domain Users, the primary group of those
// users, whose members Active Directory keeps in each user's primaryGroupID
// rather than in the group's member attribute.
package adtest

import (
	"crypto/tls"
	"fmt"
	"math/rand/v2"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	ber "github.com/go-asn1-ber/asn1-ber"
	"github.com/go-ldap/ldap/v3"

	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

// What Start adds to slapdtest's seed.
const (
	// MaxValRange is Active Directory's default for the LDAP policy of that
	// name: the most values of one attribute a search answer carries.
	MaxValRange = 1500
	// BulkUsers counts the users of BulkGroupDN.
	BulkUsers = 2000
	// Users counts every user.
	Users = slapdtest.Users + BulkUsers
	// BulkGroupDN is a group with BulkUsers members.
	BulkGroupDN = "CN=All Bulk Users,OU=AADDC Users," + slapdtest.BaseDN
	// DomainUsersDN is the primary group of the bulk users: its member
	// attribute is empty.
	DomainUsersDN = "CN=Domain Users,OU=AADDC Users," + slapdtest.BaseDN
	// DomainSID is the managed domain's security identifier.
	DomainSID = "S-1-5-21-1004336348-1177238915-682003330"
	// NetBIOSName is the managed domain's NetBIOS name, the DOMAIN of
	// DOMAIN\user.
	NetBIOSName = "AADDSCONTOSO"
	// DomainUsersRID is the relative identifier of Domain Users, the same
	// in every Active Directory domain.
	DomainUsersRID = 513
)

// Server is slapd behind a proxy that answers as Active Directory does.
type Server struct {
	// Port is the loopback port of the proxy's secure LDAP listener.
	Port int
	// Slapd is the server behind the proxy.
	Slapd *slapdtest.Server

	ln              net.Listener
	latency         atomic.Int64
	ignoreSizeLimit atomic.Bool
	searches        atomic.Int64
	// accounts maps each lower-case sAMAccountName to its DN.
	accounts map[string]string
	wg       sync.WaitGroup
	mu       sync.Mutex
	conns    map[net.Conn]struct{}
}

// Start starts slapd with the large domain's objects and the proxy in front
// of it, and stops both when t ends. It skips t when slapd is not installed.
func Start(t slapdtest.TB) *Server {
	t.Helper()
	s := &Server{Slapd: slapdtest.StartWith(t, slapdtest.Options{Sorting: true, Referrals: true}), conns: map[net.Conn]struct{}{}}
	s.Slapd.Add(t, bulkEntries()...)
	s.accounts = accountNames(t, s.Slapd)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.ln, s.Port = ln, ln.Addr().(*net.TCPAddr).Port
	s.wg.Add(1)
	go s.accept()
	t.Cleanup(s.Close)
	return s
}

// BulkUserName is the display name of bulk user i (0 <= i < BulkUsers).
func BulkUserName(i int) string { return fmt.Sprintf("Bulk User %04d", i) }

// bulkEntries are the users, in shuffled order, then their groups.
func bulkEntries() []slapdtest.Entry {
	rng := rand.New(rand.NewPCG(1, 2))
	order := rng.Perm(BulkUsers)
	entries := make([]slapdtest.Entry, 0, BulkUsers+2)
	members := make([]string, 0, BulkUsers)
	for _, i := range order {
		u := slapdtest.NewUser(BulkUserName(i), fmt.Sprintf("bulk%04d", i))
		u.Attrs["primaryGroupID"] = []string{strconv.Itoa(DomainUsersRID)}
		entries = append(entries, u)
		members = append(members, u.DN)
	}
	bulk := slapdtest.NewGroup("All Bulk Users", "Every bulk user", members...)
	bulk.Attrs["objectSid"] = []string{string(SID(DomainSID, 1105))}
	domainUsers := slapdtest.NewGroup("Domain Users", "All domain users")
	domainUsers.Attrs["objectSid"] = []string{string(SID(DomainSID, DomainUsersRID))}
	return append(entries, bulk, domainUsers)
}

// SID encodes the security identifier domain-rid in the binary form of
// objectSid (MS-DTYP 2.4.2.2): revision, count of sub-authorities, the
// 48-bit authority big-endian, then each sub-authority little-endian.
func SID(domain string, rid uint32) []byte {
	var subs []uint32
	var authority uint64
	var n uint64
	field := 0
	for i := 0; i <= len(domain); i++ {
		if i < len(domain) && domain[i] != '-' {
			n = n*10 + uint64(domain[i]-'0')
			continue
		}
		switch {
		case field == 2:
			authority = n
		case field > 2:
			subs = append(subs, uint32(n))
		}
		field, n = field+1, 0
	}
	subs = append(subs, rid)
	b := []byte{1, byte(len(subs)), byte(authority >> 40), byte(authority >> 32), byte(authority >> 24), byte(authority >> 16), byte(authority >> 8), byte(authority)}
	for _, v := range subs {
		b = append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
	}
	return b
}

// accountNames reads every account's sAMAccountName, as a domain
// controller resolves a down-level logon name.
func accountNames(t slapdtest.TB, srv *slapdtest.Server) map[string]string {
	t.Helper()
	conn, err := ldap.DialURL("ldaps://"+srv.Addr(), ldap.DialWithTLSConfig(&tls.Config{RootCAs: srv.Pool(), ServerName: slapdtest.ServerName}))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.Bind(slapdtest.BindDN, slapdtest.BindPassword); err != nil {
		t.Fatal(err)
	}
	res, err := conn.SearchWithPaging(ldap.NewSearchRequest(slapdtest.BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		"(sAMAccountName=*)", []string{"sAMAccountName"}, nil), 500)
	if err != nil {
		t.Fatal(err)
	}
	names := make(map[string]string, len(res.Entries))
	for _, e := range res.Entries {
		names[strings.ToLower(e.GetAttributeValue("sAMAccountName"))] = e.DN
	}
	return names
}

// CertificateDER is the certificate the proxy presents: slapd's own.
func (s *Server) CertificateDER() []byte { return s.Slapd.CertificateDER() }

// SetLatency delays every request from now on by d before slapd sees it.
func (s *Server) SetLatency(d time.Duration) { s.latency.Store(int64(d)) }

// IgnoreSizeLimit makes the proxy drop the size limit of every search.
func (s *Server) IgnoreSizeLimit(ignore bool) { s.ignoreSizeLimit.Store(ignore) }

// Searches counts the search requests the proxy has relayed, each a round
// trip to the server (a paged search makes one per page).
func (s *Server) Searches() int { return int(s.searches.Load()) }

// Close stops the proxy and ends its connections; slapd stops with its test.
func (s *Server) Close() {
	s.ln.Close()
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

func (s *Server) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.serve(c)
		}()
	}
}

func (s *Server) track(c net.Conn, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if on {
		s.conns[c] = struct{}{}
	} else {
		delete(s.conns, c)
	}
}

// serve relays one client connection to a connection of its own to slapd.
func (s *Server) serve(raw net.Conn) {
	s.track(raw, true)
	defer s.track(raw, false)
	defer raw.Close()
	client := tls.Server(raw, &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
		c, err := s.Slapd.TLSCertificate()
		return &c, err
	}})
	up, err := tls.Dial("tcp", s.Slapd.Addr(), &tls.Config{RootCAs: s.Slapd.Pool(), ServerName: slapdtest.ServerName, MinVersion: tls.VersionTLS12})
	if err != nil {
		return
	}
	s.track(up, true)
	defer s.track(up, false)
	defer up.Close()
	r := &relay{s: s, plans: map[int64]*plan{}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.requests(client, up)
		up.Close()
	}()
	r.responses(up, client)
	client.Close()
	<-done
}

// plan is what a search asked for that the proxy answers itself.
type plan struct {
	// ranges maps an attribute, lower case, to the range asked for; hi < 0
	// means "*".
	ranges map[string][2]int
}

type relay struct {
	s     *Server
	mu    sync.Mutex
	plans map[int64]*plan
}

type delayed struct {
	data []byte
	due  time.Time
}

// requests forwards the client's messages, each after the latency.
func (r *relay) requests(from net.Conn, to net.Conn) {
	queue := make(chan delayed, 4096)
	go func() {
		for m := range queue {
			time.Sleep(time.Until(m.due))
			if _, err := to.Write(m.data); err != nil {
				from.Close()
			}
		}
	}()
	defer close(queue)
	for {
		p, err := ber.ReadPacket(from)
		if err != nil {
			return
		}
		r.rewriteRequest(p)
		queue <- delayed{p.Bytes(), time.Now().Add(time.Duration(r.s.latency.Load()))}
	}
}

// responses forwards slapd's answers, rewritten as Active Directory's.
func (r *relay) responses(from net.Conn, to net.Conn) {
	for {
		p, err := ber.ReadPacket(from)
		if err != nil {
			return
		}
		r.rewriteResponse(p)
		if _, err := to.Write(p.Bytes()); err != nil {
			return
		}
	}
}

// LDAP application tags (RFC 4511 4.1.1, 4.2, 4.5.1, 4.5.2).
const (
	tagBindRequest   = 0
	tagSearchRequest = 3
	tagSearchEntry   = 4
	tagSearchDone    = 5
)

func messageID(p *ber.Packet) (int64, *ber.Packet, bool) {
	if len(p.Children) < 2 {
		return 0, nil, false
	}
	id, ok := p.Children[0].Value.(int64)
	return id, p.Children[1], ok
}

// rewriteRequest turns ranged attribute names into plain ones slapd knows,
// remembering the ranges for the answer, and drops the size limit when
// told to.
func (r *relay) rewriteRequest(p *ber.Packet) {
	id, op, ok := messageID(p)
	if ok && op.ClassType == ber.ClassApplication && op.Tag == tagBindRequest && len(op.Children) >= 2 {
		r.rewriteBind(p, op)
		return
	}
	if !ok || op.ClassType != ber.ClassApplication || op.Tag != tagSearchRequest || len(op.Children) < 8 {
		return
	}
	r.s.searches.Add(1)
	pl := &plan{ranges: map[string][2]int{}}
	attrs := op.Children[7].Children
	for i, a := range attrs {
		name, _ := a.Value.(string)
		base, lo, hi, ok := parseRange(name)
		if !ok {
			continue
		}
		pl.ranges[strings.ToLower(base)] = [2]int{lo, hi}
		attrs[i] = ber.NewString(ber.ClassUniversal, ber.TypePrimitive, ber.TagOctetString, base, "attribute")
	}
	if r.s.ignoreSizeLimit.Load() {
		op.Children[3] = ber.NewInteger(ber.ClassUniversal, ber.TypePrimitive, ber.TagInteger, int64(0), "size limit")
	}
	r.mu.Lock()
	r.plans[id] = pl
	r.mu.Unlock()
	reencode(p)
}

// rewriteBind turns a down-level logon name, NetBIOSName\user, into the
// DN of the account whose sAMAccountName is user; any other name, and a
// user the domain does not have, goes to slapd as it came.
func (r *relay) rewriteBind(p, op *ber.Packet) {
	name, _ := op.Children[1].Value.(string)
	domain, user, ok := strings.Cut(name, `\`)
	if !ok || !strings.EqualFold(domain, NetBIOSName) {
		return
	}
	dn, ok := r.s.accounts[strings.ToLower(user)]
	if !ok {
		return
	}
	op.Children[1] = ber.NewString(ber.ClassUniversal, ber.TypePrimitive, ber.TagOctetString, dn, "name")
	reencode(p)
}

// rewriteResponse answers long attributes in ranges.
func (r *relay) rewriteResponse(p *ber.Packet) {
	id, op, ok := messageID(p)
	if !ok || op.ClassType != ber.ClassApplication {
		return
	}
	r.mu.Lock()
	pl := r.plans[id]
	if op.Tag == tagSearchDone {
		delete(r.plans, id)
	}
	r.mu.Unlock()
	if op.Tag != tagSearchEntry || pl == nil || len(op.Children) < 2 {
		return
	}
	changed := false
	for _, a := range op.Children[1].Children {
		if len(a.Children) < 2 {
			continue
		}
		name, _ := a.Children[0].Value.(string)
		values := a.Children[1].Children
		want, asked := pl.ranges[strings.ToLower(name)]
		if !asked && len(values) <= MaxValRange {
			continue
		}
		lo, hi := want[0], want[1]
		if !asked {
			lo, hi = 0, -1
		}
		lo = min(lo, len(values))
		last := len(values) - 1
		if hi >= 0 {
			last = min(hi, last)
		}
		last = min(last, lo+MaxValRange-1)
		end := strconv.Itoa(last)
		if last >= len(values)-1 {
			end = "*"
		}
		set := ber.Encode(ber.ClassUniversal, ber.TypeConstructed, ber.TagSet, nil, "values")
		for _, v := range values[lo : last+1] {
			set.AppendChild(v)
		}
		a.Children[0] = ber.NewString(ber.ClassUniversal, ber.TypePrimitive, ber.TagOctetString, fmt.Sprintf("%s;range=%d-%s", name, lo, end), "type")
		a.Children[1] = set
		changed = true
	}
	if changed {
		reencode(p)
	}
}

// parseRange splits "member;range=1500-*" into member, 1500 and -1.
func parseRange(name string) (base string, lo, hi int, ok bool) {
	i := strings.Index(strings.ToLower(name), ";range=")
	if i < 0 {
		return "", 0, 0, false
	}
	from, to, found := strings.Cut(name[i+len(";range="):], "-")
	lo, err := strconv.Atoi(from)
	if !found || err != nil || lo < 0 {
		return "", 0, 0, false
	}
	if to == "*" {
		return name[:i], lo, -1, true
	}
	if hi, err = strconv.Atoi(to); err != nil || hi < lo {
		return "", 0, 0, false
	}
	return name[:i], lo, hi, true
}

// reencode rebuilds the content of every constructed packet from its
// children, after a child changed.
func reencode(p *ber.Packet) {
	if p.TagType != ber.TypeConstructed {
		return
	}
	p.Data.Reset()
	for _, c := range p.Children {
		reencode(c)
		p.Data.Write(c.Bytes())
	}
}
