package ldapconn

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-ldap/ldap/v3"
)

// The managed domain keeps Active Directory's classes: users are "user"
// (computers are users too, so they are left out), groups are "group".
const (
	usersFilter  = "(&(objectClass=user)(!(objectClass=computer)))"
	groupsFilter = "(objectClass=group)"
	pageSize     = 500
	// maxPageSize is Active Directory's MaxPageSize: the most entries one
	// page brings, whatever the client asks.
	maxPageSize = 1000
)

// pageFor is the page size of a search of at most limit entries (0: no
// limit). A limited search asks for one more than its limit in one page, so
// that the server's size limit ends it in that page: one cut short in a
// later page stays open on the server (a paged search the client never
// finished), and OpenLDAP's sort overlay then answers the connection's
// next sorted search with Busy.
func pageFor(limit int) uint32 {
	if limit > 0 && limit < maxPageSize {
		return uint32(max(limit+1, pageSize))
	}
	return pageSize
}

// User is a user account of the managed domain.
type User struct {
	DN                string
	DisplayName       string
	UserPrincipalName string
	SAMAccountName    string
	Mail              string
	// JobTitle and Department are the title and department attributes.
	JobTitle   string
	Department string
	// Disabled is true when userAccountControl has the disabled flag.
	Disabled bool
}

// Group is a group of the managed domain.
type Group struct {
	DN          string
	DisplayName string
	// Kind is "security" or "distribution", from groupType.
	Kind        string
	Mail        string
	Description string
}

// Member is one direct member of a group.
type Member struct {
	DN          string
	DisplayName string
	// Kind is "user", "group", "computer" or "other".
	Kind              string
	UserPrincipalName string
}

var (
	userAttributes   = []string{"cn", "displayName", "userPrincipalName", "sAMAccountName", "mail", "title", "department", "userAccountControl"}
	groupAttributes  = []string{"cn", "displayName", "groupType", "mail", "description"}
	memberAttributes = []string{"cn", "displayName", "objectClass", "userPrincipalName"}
)

// Directory is a bound, read-only connection to a managed domain. Its
// methods may be used from several goroutines.
type Directory struct {
	mu sync.Mutex
	// paging is held while a paged search runs (see runPaged).
	paging   sync.Mutex
	conn     *ldap.Conn
	settings Settings
	timeout  time.Duration
	// cfg and password open the connection again once the server closed
	// it; password is nil when it may not (see OpenReconnecting).
	cfg      Config
	password PasswordFunc
	// namingContexts and sorts are what the rootDSE said (readRootDSE).
	namingContexts []string
	sorts          bool
}

// Close ends the connection.
func (d *Directory) Close() error { return d.current().Close() }

// Users returns up to limit users (all when limit <= 0) whose name, account,
// user principal name or mail starts with query ("" for everyone), in name
// order (see byName).
func (d *Directory) Users(ctx context.Context, query string, limit int) ([]User, error) {
	entries, err := d.search(ctx, d.settings.BaseDN, ldap.ScopeWholeSubtree, withQuery(usersFilter, query, "displayName", "cn", "sAMAccountName", "userPrincipalName", "mail"), userAttributes, limit, d.sortControl()...)
	if err != nil {
		return nil, err
	}
	users := make([]User, len(entries))
	for i, e := range entries {
		uac, _ := strconv.Atoi(e.GetAttributeValue("userAccountControl"))
		users[i] = User{
			DN: e.DN, DisplayName: displayName(e), UserPrincipalName: e.GetAttributeValue("userPrincipalName"),
			SAMAccountName: e.GetAttributeValue("sAMAccountName"), Mail: e.GetAttributeValue("mail"),
			JobTitle: e.GetAttributeValue("title"), Department: e.GetAttributeValue("department"), Disabled: uac&2 != 0,
		}
	}
	return byName(users, limit, func(u User) (string, string) { return u.DisplayName, u.DN }), nil
}

// Groups returns up to limit groups (all when limit <= 0) whose name or mail
// starts with query, in name order.
func (d *Directory) Groups(ctx context.Context, query string, limit int) ([]Group, error) {
	entries, err := d.search(ctx, d.settings.BaseDN, ldap.ScopeWholeSubtree, withQuery(groupsFilter, query, "displayName", "cn", "mail"), groupAttributes, limit, d.sortControl()...)
	if err != nil {
		return nil, err
	}
	groups := make([]Group, len(entries))
	for i, e := range entries {
		groups[i] = Group{DN: e.DN, DisplayName: displayName(e), Kind: groupKind(e.GetAttributeValue("groupType")),
			Mail: e.GetAttributeValue("mail"), Description: e.GetAttributeValue("description")}
	}
	return byName(groups, limit, func(g Group) (string, string) { return g.DisplayName, g.DN }), nil
}

// byName sorts items by display name, then DN, without regard to case, and
// keeps the first limit (all when limit <= 0): a server that ignores the
// size limit sends them all. A server that offers server-side sorting has
// already sent the first by name (see sortControl); the others send the
// first they find, in the order of their index.
func byName[T any](items []T, limit int, key func(T) (name, dn string)) []T {
	slices.SortStableFunc(items, func(a, b T) int {
		an, ad := key(a)
		bn, bd := key(b)
		return cmp.Or(cmp.Compare(strings.ToLower(an), strings.ToLower(bn)), cmp.Compare(strings.ToLower(ad), strings.ToLower(bd)))
	})
	if limit > 0 && len(items) > limit {
		items = items[:limit]
	}
	return items
}

// count returns how many users and groups are under the base DN.
func (d *Directory) count(ctx context.Context) (users, groups int, err error) {
	u, err := d.search(ctx, d.settings.BaseDN, ldap.ScopeWholeSubtree, usersFilter, []string{"1.1"}, 0)
	if err != nil {
		return 0, 0, err
	}
	g, err := d.search(ctx, d.settings.BaseDN, ldap.ScopeWholeSubtree, groupsFilter, []string{"1.1"}, 0)
	if err != nil {
		return 0, 0, err
	}
	return len(u), len(g), nil
}

// sortControl asks the server to sort by displayName when it offers to
// (LDAP_SERVER_SORT_OID, 1.2.840.113556.1.4.473; Active Directory sorts by
// one key only), so that a search cut short at its limit brings the first
// by name, not the first in the server's index. It is not critical: a
// server that cannot sort answers unsorted, and byName sorts anyway.
func (d *Directory) sortControl() []ldap.Control {
	if !d.sorts {
		return nil
	}
	return []ldap.Control{ldap.NewControlServerSideSortingWithSortKeys([]*ldap.SortKey{{AttributeType: "displayName"}})}
}

// search runs one paged search (see searchPaged) with controls.
func (d *Directory) search(ctx context.Context, base string, scope int, filter string, attrs []string, limit int, controls ...ldap.Control) ([]*ldap.Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	size := 0
	if limit > 0 {
		size = limit
	}
	req := ldap.NewSearchRequest(base, scope, ldap.NeverDerefAliases, size, int(d.timeout/time.Second), false, filter, attrs, controls)
	res, err := d.searchPaged(ctx, req)
	if err != nil && !(ldap.IsErrorWithCode(err, ldap.LDAPResultSizeLimitExceeded) && res != nil) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if ldap.IsErrorWithCode(err, ldap.LDAPResultReferral) {
			return nil, d.outsideError(base, err)
		}
		return nil, classifyLDAP(StepSearch, err, d.settings.BindAccount)
	}
	return res.Entries, nil
}

// outsideError explains a referral (LDAP result 10): Active Directory
// answers so a search whose base is in none of its naming contexts,
// pointing at a server that might hold it. For the admin it means a
// wrong base DN.
func (d *Directory) outsideError(base string, err error) *Error {
	hint := "Use the managed domain's name written as DC parts, such as DC=aaddscontoso,DC=com."
	if len(d.namingContexts) > 0 {
		hint = "Use the managed domain's own, " + strings.Join(d.namingContexts, " or ") +
			" (an OU= part in front narrows it, such as OU=AADDC Users)."
	}
	return newError(StepSearch, CodeBaseDNOutside, err, hint, "the base DN %s is not in the managed domain this server holds", base)
}

// withQuery narrows filter to entries whose attributes start with query.
func withQuery(filter, query string, attrs ...string) string {
	query = strings.TrimSpace(query)
	if query == "" {
		return filter
	}
	q := ldap.EscapeFilter(query)
	var b strings.Builder
	b.WriteString("(&" + filter + "(|")
	for _, a := range attrs {
		b.WriteString("(" + a + "=" + q + "*)")
	}
	b.WriteString("))")
	return b.String()
}

func displayName(e *ldap.Entry) string {
	if n := e.GetAttributeValue("displayName"); n != "" {
		return n
	}
	if n := e.GetAttributeValue("cn"); n != "" {
		return n
	}
	return firstRDNValue(e.DN)
}

func firstRDNValue(dn string) string {
	parsed, err := ldap.ParseDN(dn)
	if err != nil || len(parsed.RDNs) == 0 || len(parsed.RDNs[0].Attributes) == 0 {
		return dn
	}
	return parsed.RDNs[0].Attributes[0].Value
}

// groupKind reads groupType: its highest bit marks a security group; a
// group without it is a distribution group (MS-ADTS 2.2.12, groupType).
func groupKind(groupType string) string {
	n, err := strconv.ParseInt(groupType, 10, 64)
	if err != nil {
		return ""
	}
	if uint32(n)&0x80000000 != 0 {
		return "security"
	}
	return "distribution"
}
