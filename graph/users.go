package graph

import (
	"context"
	"fmt"
	"strings"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
	"github.com/microsoftgraph/msgraph-sdk-go/users"
)

// Permissions the user operations need (any one of each list).
var (
	needReadUsers   = []string{"User.Read.All", "User.ReadWrite.All", "Directory.Read.All"}
	needManageUsers = []string{"User.ReadWrite.All"}
	// needDeleteUsers deletes and restores users (Directory.ReadWrite.All
	// does not).
	needDeleteUsers = []string{"User.ReadWrite.All", "User.DeleteRestore.All"}
	needEnableUsers = []string{"User.EnableDisableAccount.All", "User.ReadWrite.All"}
	// needRevokeSessions signs a user out everywhere (Microsoft Graph's
	// revokeSignInSessions reference, least privileged first).
	needRevokeSessions = []string{"User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"}
)

// pageSize is Graph's largest page for users and groups.
const pageSize = 999

// UserQuery selects users. The zero value lists every user.
type UserQuery struct {
	// Search matches the start of words in the display name, user name
	// (UPN) or mail, as Graph's $search does.
	Search string
	// Filter is an OData $filter, e.g. "accountEnabled eq false".
	Filter string
	// Top is the page size; 0 means 999, the most Graph allows.
	Top int
}

// Users lists users a page at a time, with the total count.
func (c *Client) Users(q UserQuery) *Pager[User] {
	params := &users.UsersRequestBuilderGetQueryParameters{
		Select: userFields,
		Top:    topOf(q.Top),
		Count:  ptr(true),
		// A stable order: the same rows in the same places on every visit,
		// as the admin center lists them.
		Orderby: []string{"displayName"},
	}
	if s := searchClause(q.Search, "displayName", "userPrincipalName", "mail"); s != "" {
		params.Search = &s
	}
	if f := strings.TrimSpace(q.Filter); f != "" {
		params.Filter = ptr(f)
	}
	return listPages(c, func(ctx context.Context) (*abstractions.RequestInformation, error) {
		return c.sdk().Users().ToGetRequestInformation(ctx, &users.UsersRequestBuilderGetRequestConfiguration{
			Headers: advancedQuery(), QueryParameters: params})
	}, wireUser.user, "list users", needReadUsers)
}

// User gets one user by object ID or user principal name.
func (c *Client) User(ctx context.Context, idOrUPN string) (User, error) {
	if err := noID("read the user", idOrUPN); err != nil {
		return User{}, err
	}
	u, err := c.sdk().Users().ByUserId(idOrUPN).Get(ctx, &users.UserItemRequestBuilderGetRequestConfiguration{
		QueryParameters: &users.UserItemRequestBuilderGetQueryParameters{Select: userFields},
	})
	if err == nil && u == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return User{}, fail(err, "read the user", needReadUsers...)
	}
	return toUser(u), nil
}

// CreateUser creates a user, enabled unless BlockSignIn is set, who must
// change the initial password at the first sign-in.
func (c *Client) CreateUser(ctx context.Context, nu NewUser) (User, error) {
	if err := nu.validate(); err != nil {
		return User{}, err
	}
	body := nu.body()
	u, err := c.sdk().Users().Post(ctx, body, nil)
	if err == nil && u == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return User{}, fail(err, "create the user", needManageUsers...)
	}
	return c.readBack(ctx, toUser(u)), nil
}

// body is the request body that creates nu.
func (nu NewUser) body() *models.User {
	body := newUserBody()
	body.SetAccountEnabled(ptr(!nu.BlockSignIn))
	body.SetDisplayName(ptr(strings.TrimSpace(nu.DisplayName)))
	upn := strings.TrimSpace(nu.UserPrincipalName)
	body.SetUserPrincipalName(&upn)
	nick := strings.TrimSpace(nu.MailNickname)
	if nick == "" {
		nick = mailNickname(strings.SplitN(upn, "@", 2)[0])
	}
	body.SetMailNickname(&nick)
	setIf(body.SetGivenName, nu.GivenName)
	setIf(body.SetSurname, nu.Surname)
	setIf(body.SetJobTitle, nu.JobTitle)
	setIf(body.SetDepartment, nu.Department)
	setIf(body.SetUsageLocation, strings.ToUpper(strings.TrimSpace(nu.UsageLocation)))
	setIf(body.SetOfficeLocation, nu.OfficeLocation)
	setIf(body.SetCity, nu.City)
	setIf(body.SetCountry, nu.Country)
	setIf(body.SetMobilePhone, nu.MobilePhone)
	pw := models.NewPasswordProfile()
	pw.SetPassword(&nu.Password)
	pw.SetForceChangePasswordNextSignIn(ptr(true))
	body.SetPasswordProfile(pw)
	return body
}

// readBack reads a user just written, with every field the program shows:
// Graph's answer to a create or a restore carries only its default
// properties, without accountEnabled, createdDateTime or userType. If the
// read fails the write still happened, so the answer's fields are kept.
func (c *Client) readBack(ctx context.Context, answer User) User {
	if full, err := c.User(ctx, answer.ID); err == nil {
		return full
	}
	return answer
}

func (nu NewUser) validate() error {
	var problems []string
	if strings.TrimSpace(nu.DisplayName) == "" {
		problems = append(problems, "a display name")
	}
	local, domain, ok := strings.Cut(strings.TrimSpace(nu.UserPrincipalName), "@")
	if !ok || local == "" || domain == "" || strings.ContainsAny(local+domain, " @") {
		problems = append(problems, "a user name like name@yourdomain.com")
	}
	if nu.Password == "" {
		problems = append(problems, "an initial password")
	}
	if len(problems) > 0 {
		return fmt.Errorf("graph: a new user needs %s", strings.Join(problems, ", "))
	}
	return nil
}

// UpdateUser changes the fields set in ch.
func (c *Client) UpdateUser(ctx context.Context, id string, ch UserChanges) error {
	if err := noID("update the user", id); err != nil {
		return err
	}
	body := newUserBody()
	setPtr(body.SetDisplayName, ch.DisplayName)
	setOrClear(body.SetGivenName, ch.GivenName)
	setOrClear(body.SetSurname, ch.Surname)
	setOrClear(body.SetJobTitle, ch.JobTitle)
	setOrClear(body.SetDepartment, ch.Department)
	setOrClear(body.SetOfficeLocation, ch.OfficeLocation)
	if ch.UsageLocation != nil {
		setOrClear(body.SetUsageLocation, ptr(strings.ToUpper(*ch.UsageLocation)))
	}
	setPtr(body.SetAccountEnabled, ch.AccountEnabled)
	needs := needManageUsers
	if ch == (UserChanges{AccountEnabled: ch.AccountEnabled}) {
		needs = needEnableUsers
	}
	_, err := c.sdk().Users().ByUserId(id).Patch(ctx, body, nil)
	return fail(err, "update the user", needs...)
}

// SetAccountEnabled enables or disables sign-in for a user.
func (c *Client) SetAccountEnabled(ctx context.Context, id string, enabled bool) error {
	err := c.UpdateUser(ctx, id, UserChanges{AccountEnabled: &enabled})
	if e, ok := AsError(err); ok {
		e.Action = "disable the user"
		if enabled {
			e.Action = "enable the user"
		}
	}
	return err
}

// RevokeSessions signs a user out everywhere: every refresh token and
// browser session issued to the user before now stops working, so each app
// asks the user to sign in again (Graph's revokeSignInSessions; Microsoft
// notes it may take a few minutes). Access tokens already issued keep
// working until they expire, about an hour at most.
func (c *Client) RevokeSessions(ctx context.Context, id string) error {
	if err := noID("sign the user out everywhere", id); err != nil {
		return err
	}
	_, err := c.sdk().Users().ByUserId(id).RevokeSignInSessions().PostAsRevokeSignInSessionsPostResponse(ctx, nil)
	return fail(err, "sign the user out everywhere", needRevokeSessions...)
}

// DeleteUser moves a user to the recycle bin, from where RestoreUser brings
// it back within 30 days.
func (c *Client) DeleteUser(ctx context.Context, id string) error {
	if err := noID("delete the user", id); err != nil {
		return err
	}
	err := c.sdk().Users().ByUserId(id).Delete(ctx, nil)
	return fail(err, "delete the user", needDeleteUsers...)
}

// advancedQuery is the header $search and $count need; it is sent on every
// page.
func advancedQuery() *abstractions.RequestHeaders {
	h := abstractions.NewRequestHeaders()
	h.Add("ConsistencyLevel", "eventual")
	return h
}

// searchClause builds Graph's $search value: each property in quotes,
// joined with OR. Double quotes and backslashes in the term would end a
// clause early and Graph documents no escape for them; the search splits
// words at punctuation anyway, so they become spaces.
func searchClause(term string, props ...string) string {
	term = strings.Join(strings.Fields(strings.NewReplacer(`\`, " ", `"`, " ").Replace(term)), " ")
	if term == "" {
		return ""
	}
	parts := make([]string, len(props))
	for i, p := range props {
		parts[i] = `"` + p + ":" + term + `"`
	}
	return strings.Join(parts, " OR ")
}

func topOf(n int) *int32 {
	if n <= 0 || n > pageSize {
		n = pageSize
	}
	v := int32(n)
	return &v
}

func ptr[T any](v T) *T { return &v }

// setPtr calls set only with a value: a nil set on an SDK model would be sent
// as null and clear the field.
func setPtr[T any](set func(*T), v *T) {
	if v != nil {
		set(v)
	}
}

// setOrClear sets a changed text field, or clears it when the new value is
// blank: Graph refuses "" for most user properties and a group's
// description (400 Request_BadRequest, "Invalid value specified for
// property ..."), while null clears them. Setting nil on the SDK's model
// records a change to null, which the request body carries.
func setOrClear(set func(*string), v *string) {
	if v == nil {
		return
	}
	if s := strings.TrimSpace(*v); s != "" {
		set(&s)
		return
	}
	set(nil)
}

// setIf calls set with s when s is not blank.
func setIf(set func(*string), s string) {
	if s = strings.TrimSpace(s); s != "" {
		set(&s)
	}
}
