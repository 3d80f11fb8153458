package graph

import (
	"fmt"
	"slices"

	"github.com/entra-wizard/entra-wizard/oauth"
)

// judge decides, feature by feature, what works: a probe's answer where the
// test made one, otherwise the permissions the token carries.
func judge(granted []string, p probeResults, delegated bool, links oauth.Links) []FeatureStatus {
	out := make([]FeatureStatus, 0, len(features))
	for _, spec := range features {
		st := FeatureStatus{Feature: spec.Feature, Title: spec.Title, Needs: slices.Clone(spec.Needs)}
		probeErr, probed := p.errFor(spec.Probe)
		switch {
		case probed && probeErr == nil:
			st.OK = true
		case probed && !isDenied(probeErr):
			st.Problem = plainOf(probeErr)
			st.Fix = "Test the connection again; if it keeps failing, check the network and Microsoft Graph's status."
		case probed && grantsAny(granted, spec.Needs):
			st.Problem = "Microsoft Graph refused although the token carries the permission."
			st.Fix = "Grant admin consent again, then test the connection again."
			if delegated {
				st.Problem = "Microsoft Graph refused although the sign-in carries the permission: the signed-in user's directory role does not allow it."
				st.Fix = "Sign in with an administrator, or ask for a directory role such as User Administrator or Groups Administrator."
			}
			st.FixURL = links.APIPermissions
		case granted == nil && !probed:
			st.Problem = "The connection test could not read which permissions the token carries."
			st.Fix = fixText(st, delegated)
			st.FixURL = links.APIPermissions
		default:
			lacks := spec.lacking(granted)
			st.OK = !probed && lacks == nil
			if lacks != nil {
				st.Needs = slices.Clone(lacks)
			}
		}
		if !st.OK && st.Problem == "" {
			st.Problem = problemText(st, granted, delegated)
			st.Fix = fixText(st, delegated)
			st.FixURL = links.APIPermissions
		}
		if st.OK && delegated && spec.Probe == "" {
			st.Note = "You signed in as a user: Microsoft Graph also checks that this user holds a directory role that allows it (for example User Administrator or Groups Administrator)."
		}
		out = append(out, st)
	}
	return out
}

// errFor returns the answer of the named probe, and whether there was one.
func (p probeResults) errFor(probe string) (error, bool) {
	switch probe {
	case probeUsers:
		return p.users, true
	case probeGroups:
		return p.groups, true
	}
	return nil, false
}

func isDenied(err error) bool {
	e, ok := AsError(err)
	return ok && (e.Status == 403 || e.Code == "Authorization_RequestDenied")
}

func plainOf(err error) string {
	if e, ok := AsError(err); ok {
		return e.Plain()
	}
	return err.Error()
}

// problemText names the permission st lacks: st.Needs holds the part of
// the feature's needs that is not granted.
func problemText(st FeatureStatus, granted []string, delegated bool) string {
	if len(granted) == 0 && !delegated {
		return "The app's token carries no permissions: no administrator has granted admin consent yet, or no Microsoft Graph application permission was added."
	}
	kind := "application"
	if delegated {
		kind = "delegated"
	}
	return fmt.Sprintf("The app lacks the Microsoft Graph %s permission %s.", kind, st.Needs[0])
}

func fixText(st FeatureStatus, delegated bool) string {
	if delegated {
		return fmt.Sprintf("In the app's API permissions, add the Microsoft Graph delegated permission %s, grant admin consent, then sign in again.", st.Needs[0])
	}
	return fmt.Sprintf("In the app's API permissions, add the Microsoft Graph application permission %s, then select \"Grant admin consent\".", st.Needs[0])
}

// missing lists the recommended permission of every feature that does not
// work, once each.
func missing(statuses []FeatureStatus) []string {
	out := []string{}
	for _, st := range statuses {
		if !st.OK && len(st.Needs) > 0 && !slices.Contains(out, st.Needs[0]) {
			out = append(out, st.Needs[0])
		}
	}
	return out
}
