package ldapconn

import (
	"context"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-ldap/ldap/v3"
)

// Members returns the direct members of the group whose DN is groupDN, in
// name order.
func (d *Directory) Members(ctx context.Context, groupDN string) ([]Member, error) {
	return d.ReadMembers(ctx, groupDN, nil)
}

// ReadMembers is Members that reports, after each search, how many of the
// members it has read so far; progress may be nil.
func (d *Directory) ReadMembers(ctx context.Context, groupDN string, progress func(read, total int)) ([]Member, error) {
	entries, err := d.search(ctx, groupDN, ldap.ScopeBaseObject, groupsFilter, []string{"member", "objectSid"}, 1)
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("%s is not a group", groupDN)
	}
	dns, err := d.allValues(ctx, entries[0], "member")
	if err != nil {
		return nil, err
	}
	members, err := d.describe(ctx, dns, progress)
	if err != nil {
		return nil, err
	}
	members, err = d.withPrimaryMembers(ctx, entries[0], members)
	if err != nil {
		return nil, err
	}
	return byName(members, 0, func(m Member) (string, string) { return m.DisplayName, m.DN }), nil
}

// withPrimaryMembers adds to members the accounts whose primary group the
// group is. Active Directory lists them in no group's member attribute:
// each keeps it in its primaryGroupID, the relative identifier (the last
// part of the objectSid) of the group, which for nearly every user is
// Domain Users, 513 (MS-ADA3 2.120, Attribute primaryGroupID).
func (d *Directory) withPrimaryMembers(ctx context.Context, group *ldap.Entry, members []Member) ([]Member, error) {
	rid, ok := relativeID(group.GetRawAttributeValue("objectSid"))
	if !ok {
		return members, nil
	}
	entries, err := d.search(ctx, d.settings.BaseDN, ldap.ScopeWholeSubtree, fmt.Sprintf("(primaryGroupID=%d)", rid), memberAttributes, 0)
	if err != nil {
		return nil, err
	}
	listed := make(map[string]bool, len(members))
	for _, m := range members {
		listed[dnKey(m.DN)] = true
	}
	for _, e := range entries {
		if !listed[dnKey(e.DN)] {
			members = append(members, memberFrom(e))
		}
	}
	return members, nil
}

// relativeID is the last sub-authority of a binary security identifier
// (MS-DTYP 2.4.2.2: revision, count of sub-authorities, a 6-byte
// authority, then each sub-authority as 4 bytes little-endian).
func relativeID(sid []byte) (uint32, bool) {
	if len(sid) < 12 || sid[0] != 1 || len(sid) != 8+4*int(sid[1]) {
		return 0, false
	}
	return binary.LittleEndian.Uint32(sid[len(sid)-4:]), true
}

// memberBatch is how many members one search looks up: a few hundred keeps
// the filter far below what a domain controller accepts (MaxReceiveBuffer)
// and turns thousands of round trips into a few.
const memberBatch = 200

// describe reads the name and kind of each DN, memberBatch at a time, with
// a search for (|(distinguishedName=...)...) under the base DN: Active
// Directory keeps distinguishedName on every object. A member the search
// does not find (outside the base DN, or on a server without that
// attribute) is read on its own; one that cannot be read keeps the name
// in its DN and the kind "other".
func (d *Directory) describe(ctx context.Context, dns []string, progress func(read, total int)) ([]Member, error) {
	found := make(map[string]*ldap.Entry, len(dns))
	for start := 0; start < len(dns); start += memberBatch {
		batch := dns[start:min(start+memberBatch, len(dns))]
		var f strings.Builder
		f.WriteString("(|")
		for _, dn := range batch {
			f.WriteString("(distinguishedName=" + ldap.EscapeFilter(dn) + ")")
		}
		f.WriteString(")")
		entries, err := d.search(ctx, d.settings.BaseDN, ldap.ScopeWholeSubtree, f.String(), memberAttributes, 0)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			found[dnKey(e.DN)] = e
		}
		if progress != nil {
			progress(start+len(batch), len(dns))
		}
	}
	members := make([]Member, len(dns))
	for i, dn := range dns {
		members[i] = Member{DN: dn, Kind: "other", DisplayName: firstRDNValue(dn)}
		e := found[dnKey(dn)]
		if e == nil {
			if alone, err := d.search(ctx, dn, ldap.ScopeBaseObject, "(objectClass=*)", memberAttributes, 1); err == nil && len(alone) == 1 {
				e = alone[0]
			}
		}
		if e != nil {
			members[i] = memberFrom(e)
		}
	}
	return members, nil
}

// dnKey compares DNs as a directory does for the DNs it hands out itself:
// without regard to case or spaces around the separators.
func dnKey(dn string) string {
	parsed, err := ldap.ParseDN(dn)
	if err != nil {
		return strings.ToLower(dn)
	}
	var b strings.Builder
	for i, rdn := range parsed.RDNs {
		if i > 0 {
			b.WriteByte(',')
		}
		for j, a := range rdn.Attributes {
			if j > 0 {
				b.WriteByte('+')
			}
			b.WriteString(strings.ToLower(a.Type) + "=" + strings.ToLower(a.Value))
		}
	}
	return b.String()
}

// allValues returns every value of attr of e. Active Directory answers at
// most its MaxValRange (1,500 by default) values of one attribute, named
// "attr;range=0-1499"; the rest are asked for range by range
// ("attr;range=1500-*") until a range ends in "*" (MS-ADTS 3.1.1.3.1.3.3,
// range retrieval of attribute values).
func (d *Directory) allValues(ctx context.Context, e *ldap.Entry, attr string) ([]string, error) {
	values, next, more := rangeOf(e, attr, 0)
	for more {
		found, err := d.search(ctx, e.DN, ldap.ScopeBaseObject, "(objectClass=*)", []string{fmt.Sprintf("%s;range=%d-*", attr, next)}, 1)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s disappeared while its %s values were read", e.DN, attr)
		}
		var part []string
		part, next, more = rangeOf(found[0], attr, next)
		values = append(values, part...)
	}
	return values, nil
}

// rangeOf finds attr in e, whole or as a range starting at from. more says
// that values from next on are still to be read.
func rangeOf(e *ldap.Entry, attr string, from int) (values []string, next int, more bool) {
	prefix := strings.ToLower(attr) + ";range="
	for _, a := range e.Attributes {
		name := strings.ToLower(a.Name)
		if name == strings.ToLower(attr) {
			return a.Values, 0, false
		}
		bounds, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		lo, hi, _ := strings.Cut(bounds, "-")
		low, err := strconv.Atoi(lo)
		if hi == "*" || err != nil || low != from {
			return a.Values, 0, false
		}
		high, err := strconv.Atoi(hi)
		if err != nil || high < low {
			return a.Values, 0, false
		}
		return a.Values, high + 1, true
	}
	return nil, 0, false
}

// memberFrom describes the member e.
func memberFrom(e *ldap.Entry) Member {
	return Member{DN: e.DN, DisplayName: displayName(e), Kind: kindOf(e.GetAttributeValues("objectClass")), UserPrincipalName: e.GetAttributeValue("userPrincipalName")}
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
