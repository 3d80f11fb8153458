package graph

import (
	"slices"
	"strings"
	"time"

	"github.com/microsoftgraph/msgraph-sdk-go/models"
)

// The $select lists: the fields the program shows, so pages stay small.
var (
	userFields = []string{"id", "displayName", "givenName", "surname", "userPrincipalName", "mail",
		"jobTitle", "department", "officeLocation", "usageLocation", "accountEnabled", "createdDateTime", "userType"}
	groupFields = []string{"id", "displayName", "description", "mailNickname", "mail",
		"groupTypes", "securityEnabled", "mailEnabled", "createdDateTime"}
	memberFields = []string{"id", "displayName", "userPrincipalName"}
)

func toUser(u models.Userable) User {
	return User{
		ID:                deref(u.GetId()),
		DisplayName:       deref(u.GetDisplayName()),
		GivenName:         deref(u.GetGivenName()),
		Surname:           deref(u.GetSurname()),
		UserPrincipalName: deref(u.GetUserPrincipalName()),
		Mail:              deref(u.GetMail()),
		JobTitle:          deref(u.GetJobTitle()),
		Department:        deref(u.GetDepartment()),
		OfficeLocation:    deref(u.GetOfficeLocation()),
		UsageLocation:     deref(u.GetUsageLocation()),
		AccountEnabled:    deref(u.GetAccountEnabled()),
		CreatedDateTime:   derefTime(u.GetCreatedDateTime()),
		UserType:          deref(u.GetUserType()),
	}
}

func toUsers(in []models.Userable) []User {
	out := make([]User, len(in))
	for i, u := range in {
		out[i] = toUser(u)
	}
	return out
}

func toGroup(g models.Groupable) Group {
	out := Group{
		ID:              deref(g.GetId()),
		DisplayName:     deref(g.GetDisplayName()),
		Description:     deref(g.GetDescription()),
		MailNickname:    deref(g.GetMailNickname()),
		Mail:            deref(g.GetMail()),
		SecurityEnabled: deref(g.GetSecurityEnabled()),
		MailEnabled:     deref(g.GetMailEnabled()),
		CreatedDateTime: derefTime(g.GetCreatedDateTime()),
		Kind:            SecurityGroup,
	}
	if slices.ContainsFunc(g.GetGroupTypes(), func(t string) bool { return strings.EqualFold(t, "Unified") }) {
		out.Kind = Microsoft365Group
	}
	return out
}

func toGroups(in []models.Groupable) []Group {
	out := make([]Group, len(in))
	for i, g := range in {
		out[i] = toGroup(g)
	}
	return out
}

// toMember reads a member of any type; the SDK picks the model from
// @odata.type.
func toMember(o models.DirectoryObjectable) Member {
	m := Member{ID: deref(o.GetId()), Type: memberType(deref(o.GetOdataType()))}
	switch v := o.(type) {
	case models.Userable:
		m.Type = "user"
		m.DisplayName = deref(v.GetDisplayName())
		m.UserPrincipalName = deref(v.GetUserPrincipalName())
	case models.Groupable:
		m.Type = "group"
		m.DisplayName = deref(v.GetDisplayName())
	default:
		if name, ok := o.GetAdditionalData()["displayName"].(*string); ok {
			m.DisplayName = deref(name)
		}
	}
	return m
}

// memberType turns "#microsoft.graph.servicePrincipal" into
// "servicePrincipal".
func memberType(odataType string) string {
	t := strings.TrimPrefix(odataType, "#")
	return strings.TrimPrefix(t, "microsoft.graph.")
}

func derefTime(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}
