package graph

import (
	"context"
	"slices"
	"strings"
)

// Organization reads the tenant's name and its verified domains, the
// default domain first: the domains a new user's sign-in name may end with.
func (c *Client) Organization(ctx context.Context) (Organization, error) {
	resp, err := c.sdk().Organization().Get(ctx, nil)
	if err != nil {
		return Organization{}, fail(err, "read the organization", "Organization.Read.All", "Directory.Read.All")
	}
	orgs := resp.GetValue()
	if len(orgs) == 0 {
		return Organization{}, nil
	}
	o := orgs[0]
	org := Organization{ID: deref(o.GetId()), DisplayName: deref(o.GetDisplayName())}
	var others []string
	for _, d := range o.GetVerifiedDomains() {
		name := strings.TrimSpace(deref(d.GetName()))
		switch {
		case name == "":
		case deref(d.GetIsDefault()):
			org.VerifiedDomains = append([]string{name}, org.VerifiedDomains...)
		default:
			others = append(others, name)
		}
	}
	slices.SortFunc(others, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	org.VerifiedDomains = append(org.VerifiedDomains, others...)
	return org, nil
}
