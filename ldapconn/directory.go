package ldapconn

import (
	"context"
	"fmt"
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
)

// User is a user account of the managed domain.
type User struct {
	DN                string
	DisplayName       string
	UserPrincipalName string
	SAMAccountName    string
	Mail              string
	// Disabled is true when userAccountControl has the disabled flag.
	Disabled bool
}

// Group is a group of the managed domain.
type Group struct {
	DN          string
	DisplayName string
	Mail        string
	Description string
}

// Member is one direct member of a group.
type Member struct {
	DN          string
	DisplayName string
	// Kind is "user", "group", "computer" or "other".
	Kind string
}

var (
	userAttributes   = []string{"cn", "displayName", "userPrincipalName", "sAMAccountName", "mail", "userAccountControl"}
	groupAttributes  = []string{"cn", "displayName", "mail", "description"}
	memberAttributes = []string{"cn", "displayName", "objectClass"}
)

// Directory is a bound, read-only connection to a managed domain. Its
// methods may be used from several goroutines.
type Directory struct {
	mu       sync.Mutex
	conn     *ldap.Conn
	settings Settings
	timeout  time.Duration
	// cfg and password open the connection again once the server closed
	// it; password is nil when it may not (see OpenReconnecting).
	cfg      Config
	password PasswordFunc
}

// Close ends the connection.
func (d *Directory) Close() error { return d.current().Close() }

// Users returns up to limit users (all when limit <= 0) whose name, account,
// user principal name or mail starts with query ("" for everyone), sorted
// as the server returns them.
func (d *Directory) Users(ctx context.Context, query string, limit int) ([]User, error) {
	entries, err := d.search(ctx, d.settings.BaseDN, ldap.ScopeWholeSubtree, withQuery(usersFilter, query, "displayName", "cn", "sAMAccountName", "userPrincipalName", "mail"), userAttributes, limit)
	if err != nil {
		return nil, err
	}
	users := make([]User, len(entries))
	for i, e := range entries {
		uac, _ := strconv.Atoi(e.GetAttributeValue("userAccountControl"))
		users[i] = User{
			DN: e.DN, DisplayName: displayName(e), UserPrincipalName: e.GetAttributeValue("userPrincipalName"),
			SAMAccountName: e.GetAttributeValue("sAMAccountName"), Mail: e.GetAttributeValue("mail"), Disabled: uac&2 != 0,
		}
	}
	return users, nil
}

// Groups returns up to limit groups (all when limit <= 0) whose name or mail
// starts with query.
func (d *Directory) Groups(ctx context.Context, query string, limit int) ([]Group, error) {
	entries, err := d.search(ctx, d.settings.BaseDN, ldap.ScopeWholeSubtree, withQuery(groupsFilter, query, "displayName", "cn", "mail"), groupAttributes, limit)
	if err != nil {
		return nil, err
	}
	groups := make([]Group, len(entries))
	for i, e := range entries {
		groups[i] = Group{DN: e.DN, DisplayName: displayName(e), Mail: e.GetAttributeValue("mail"), Description: e.GetAttributeValue("description")}
	}
	return groups, nil
}

// Members returns the direct members of the group whose DN is groupDN.
func (d *Directory) Members(ctx context.Context, groupDN string) ([]Member, error) {
	entries, err := d.search(ctx, groupDN, ldap.ScopeBaseObject, groupsFilter, []string{"member"}, 1)
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("%s is not a group", groupDN)
	}
	var members []Member
	for _, dn := range entries[0].GetAttributeValues("member") {
		m := Member{DN: dn, Kind: "other", DisplayName: firstRDNValue(dn)}
		found, err := d.search(ctx, dn, ldap.ScopeBaseObject, "(objectClass=*)", memberAttributes, 1)
		if err == nil && len(found) == 1 {
			m.DisplayName, m.Kind = displayName(found[0]), kindOf(found[0].GetAttributeValues("objectClass"))
		}
		members = append(members, m)
	}
	return members, nil
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

// search runs one paged search (see searchPaged).
func (d *Directory) search(ctx context.Context, base string, scope int, filter string, attrs []string, limit int) ([]*ldap.Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	size := 0
	if limit > 0 {
		size = limit
	}
	req := ldap.NewSearchRequest(base, scope, ldap.NeverDerefAliases, size, int(d.timeout/time.Second), false, filter, attrs, nil)
	res, err := d.searchPaged(ctx, req)
	if err != nil && !(ldap.IsErrorWithCode(err, ldap.LDAPResultSizeLimitExceeded) && res != nil) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, classifyLDAP(StepSearch, err, d.settings.BindAccount)
	}
	return res.Entries, nil
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

func kindOf(classes []string) string {
	kind := "other"
	for _, c := range classes {
		switch strings.ToLower(c) {
		case "computer":
			return "computer"
		case "group":
			kind = "group"
		case "user", "person", "inetorgperson":
			if kind == "other" {
				kind = "user"
			}
		}
	}
	return kind
}
