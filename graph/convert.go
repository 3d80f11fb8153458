package graph

import (
	"github.com/microsoft/kiota-abstractions-go/store"
	"slices"
	"strings"
	"time"

	"github.com/microsoftgraph/msgraph-sdk-go/models"
)

// The $select lists: the fields the program shows, so pages stay small.
var (
	userFields = []string{"id", "displayName", "givenName", "surname", "userPrincipalName", "mail",
		"jobTitle", "department", "officeLocation", "usageLocation", "accountEnabled", "createdDateTime", "userType", "onPremisesSyncEnabled"}
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
		OnPremisesSync:    deref(u.GetOnPremisesSyncEnabled()),
	}
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
		Kind:            groupKind(g.GetGroupTypes()),
	}
	return out
}

// groupKind tells a Microsoft 365 group by its "Unified" group type.
func groupKind(types []string) GroupKind {
	if slices.ContainsFunc(types, func(t string) bool { return strings.EqualFold(t, "Unified") }) {
		return Microsoft365Group
	}
	return SecurityGroup
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

// newUserBody is a user for a request body. The SDK's constructor sets
// @odata.type; Graph's documented request bodies leave it out, so it goes.
// Only what the caller sets afterwards is sent: a field set to nil would be
// sent as null and clear it.
func newUserBody() *models.User {
	u := models.NewUser()
	forgetODataType(u)
	return u
}

// newGroupBody is a group for a request body, without @odata.type.
func newGroupBody() *models.Group {
	g := models.NewGroup()
	forgetODataType(g)
	return g
}

// forgetODataType unsets @odata.type without recording a change, so the
// body carries neither the type nor a null in its place.
func forgetODataType(m interface {
	GetBackingStore() store.BackingStore
	SetOdataType(*string)
}) {
	s := m.GetBackingStore()
	s.SetInitializationCompleted(false)
	m.SetOdataType(nil)
	s.SetInitializationCompleted(true)
}
