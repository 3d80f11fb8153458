package graph

import (
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/microsoftgraph/msgraph-sdk-go/groups"
	"github.com/microsoftgraph/msgraph-sdk-go/users"
	"golang.org/x/oauth2"
)

// CheckConfig is what the connection test needs.
type CheckConfig struct {
	Config
	// Links are the portal pages the fixes point to (API permissions).
	Links oauth.Links
}

// FeatureStatus says whether one feature works and, if not, why and how to
// fix it.
type FeatureStatus struct {
	Feature Feature
	Title   string
	OK      bool
	// Needs lists the permissions that allow the feature (any one); for a
	// feature that does not work, those of the part it lacks (assigning
	// licenses also needs reading the subscriptions).
	Needs   []string
	Problem string
	Fix     string
	FixURL  string
	// Note adds a caveat to a working feature, e.g. that a signed-in user
	// also needs a directory role.
	Note string
}

// Report is the result of a connection test.
type Report struct {
	Organization string
	TenantID     string
	// Delegated is true when the token acts for a signed-in user.
	Delegated bool
	// SignedInAs is the account a delegated token acts for (its upn or
	// preferred_username); "" for app-only tokens.
	SignedInAs string
	// Granted are the permissions the token carries; Missing are the
	// recommended permissions of features that do not work.
	Granted, Missing []string
	Features         []FeatureStatus
	// Err is why the test could not run: the token request failed (an
	// *oauth.Error with its hint) or Graph refused the connection (an
	// *Error).
	Err error
}

// OK reports whether the connection works: a token was issued, Graph
// answered, and at least one feature can be used. Missing permissions for
// other features do not make it fail.
func (r Report) OK() bool {
	if r.Err != nil {
		return false
	}
	return slices.ContainsFunc(r.Features, func(f FeatureStatus) bool { return f.OK })
}

// Allows reports whether the connection can use feature f.
func (r Report) Allows(f Feature) bool {
	for _, s := range r.Features {
		if s.Feature == f {
			return s.OK
		}
	}
	return false
}

// Check tests a connection: one token request, then one round of Graph calls
// made at the same time (the organization, and a read of users and of
// groups), compared with the permissions the token carries.
func Check(ctx context.Context, cfg CheckConfig) Report {
	if cfg.TokenSource == nil {
		return Report{Err: errors.New("graph: no token source")}
	}
	if _, err := parseBaseURL(cfg.BaseURL); err != nil {
		return Report{Err: err} // before any secret is sent
	}
	tok, err := cfg.TokenSource.Token()
	if err != nil {
		return Report{Err: err}
	}
	var rep Report
	granted := grantedPermissions(tok.AccessToken, &rep)
	graphCfg := cfg.Config
	graphCfg.TokenSource = oauth2.StaticTokenSource(tok)
	c, err := New(graphCfg)
	if err != nil {
		rep.Err = err
		return rep
	}
	probes := c.probe(ctx)
	if probes.org.err == nil {
		rep.Organization = probes.org.name
		if rep.TenantID == "" {
			rep.TenantID = probes.org.id
		}
	}
	if err := refusal(probes); err != nil {
		rep.Err = err
	}
	rep.Features = judge(granted, probes, rep.Delegated, cfg.Links)
	rep.Missing = missing(rep.Features)
	if rep.Err == nil && !rep.OK() && probes.users != nil {
		rep.Err = probes.users // nothing works: say why in Graph's words
	}
	return rep
}

// grantedPermissions reads the token's roles or scopes; nil when the token
// cannot be read (then only the probes tell).
func grantedPermissions(accessToken string, rep *Report) []string {
	claims, err := oauth.TokenClaims(accessToken)
	if err != nil {
		return nil
	}
	rep.TenantID = claims.TenantID
	rep.Delegated = claims.Delegated()
	rep.Granted = slices.Clone(claims.Roles)
	if rep.Delegated {
		rep.Granted = slices.Clone(claims.Scopes)
		rep.SignedInAs = claims.User
	}
	slices.Sort(rep.Granted)
	if rep.Granted == nil {
		rep.Granted = []string{}
	}
	return rep.Granted
}

// probeResults are the answers of the connection test's Graph round.
type probeResults struct {
	org struct {
		name, id string
		err      error
	}
	users, groups error
}

// probe makes the Graph calls of the connection test at the same time.
func (c *Client) probe(ctx context.Context) probeResults {
	var r probeResults
	var wg sync.WaitGroup
	wg.Go(func() {
		r.org.name, r.org.id, r.org.err = c.organization(ctx)
	})
	wg.Go(func() {
		_, err := c.sdk().Users().Get(ctx, &users.UsersRequestBuilderGetRequestConfiguration{
			QueryParameters: &users.UsersRequestBuilderGetQueryParameters{Select: []string{"id"}, Top: ptr(int32(1))},
		})
		r.users = fail(err, "read users", needReadUsers...)
	})
	wg.Go(func() {
		_, err := c.sdk().Groups().Get(ctx, &groups.GroupsRequestBuilderGetRequestConfiguration{
			QueryParameters: &groups.GroupsRequestBuilderGetQueryParameters{Select: []string{"id"}, Top: ptr(int32(1))},
		})
		r.groups = fail(err, "read groups", needReadGroups...)
	})
	wg.Wait()
	return r
}

// organization reads the tenant's name and ID.
func (c *Client) organization(ctx context.Context) (name, id string, err error) {
	resp, err := c.sdk().Organization().Get(ctx, nil)
	if err != nil {
		return "", "", fail(err, "read the organization", "Organization.Read.All", "Directory.Read.All")
	}
	for _, o := range resp.GetValue() {
		return deref(o.GetDisplayName()), deref(o.GetId()), nil
	}
	return "", "", nil
}

// refusal returns the error that means Graph refused the connection itself
// (token not accepted, Graph unreachable), rather than one permission.
func refusal(p probeResults) error {
	for _, err := range []error{p.users, p.groups, p.org.err} {
		if e, ok := AsError(err); ok && (e.Status == 401 || e.Status == 0) {
			return e
		}
		if err != nil && !errors.As(err, new(*Error)) {
			return err
		}
	}
	return nil
}
