package graph

import "time"

// User is a directory user as the program shows it.
type User struct {
	ID                string
	DisplayName       string
	GivenName         string
	Surname           string
	UserPrincipalName string
	Mail              string
	JobTitle          string
	Department        string
	OfficeLocation    string
	UsageLocation     string // two-letter country code; licenses need it
	AccountEnabled    bool
	CreatedDateTime   time.Time
	UserType          string // "Member" or "Guest"
	// OnPremisesSync: the user is synchronised from an on-premises Active
	// Directory, which keeps their password.
	OnPremisesSync bool
}

// UserChanges holds the fields an update changes; nil fields stay as they are
// and a blank text (other than the display name) clears the field.
type UserChanges struct {
	DisplayName    *string
	GivenName      *string
	Surname        *string
	JobTitle       *string
	Department     *string
	OfficeLocation *string
	UsageLocation  *string
	AccountEnabled *bool
}

// NewUser holds what creating a user needs.
type NewUser struct {
	DisplayName       string
	UserPrincipalName string
	MailNickname      string // derived from the UPN when empty
	GivenName         string
	Surname           string
	JobTitle          string
	Department        string
	UsageLocation     string
	OfficeLocation    string
	City              string
	Country           string
	MobilePhone       string
	// BlockSignIn creates the account disabled (accountEnabled false).
	BlockSignIn bool
	// Password is the initial password; the user must change it at the
	// next sign-in.
	Password string
}

// GroupKind tells security groups from Microsoft 365 groups.
type GroupKind string

const (
	// SecurityGroup is a security group: it controls access and cannot be
	// restored once deleted.
	SecurityGroup GroupKind = "security"
	// Microsoft365Group is a Microsoft 365 (unified) group with a mailbox;
	// deleted ones can be restored for 30 days.
	Microsoft365Group GroupKind = "microsoft365"
)

// Group is a directory group as the program shows it.
type Group struct {
	ID              string
	DisplayName     string
	Description     string
	MailNickname    string
	Mail            string
	Kind            GroupKind
	SecurityEnabled bool
	MailEnabled     bool
	CreatedDateTime time.Time
}

// NewGroup holds what creating a group needs.
type NewGroup struct {
	DisplayName  string
	Description  string
	MailNickname string // derived from the display name when empty
	Kind         GroupKind
}

// GroupChanges holds the fields an update changes; nil fields stay and a
// blank description clears it.
type GroupChanges struct {
	DisplayName *string
	Description *string
}

// Member is a member of a group: a user or a group (nested).
type Member struct {
	ID          string
	DisplayName string
	// Type is "user", "group" or another directory object type.
	Type string
	// UserPrincipalName is set for users.
	UserPrincipalName string
}

// SKU is a license product the tenant has bought (a subscribed SKU).
type SKU struct {
	ID         string // skuId
	PartNumber string // e.g. "ENTERPRISEPACK"
	// ProductName is Microsoft's name for it ("Office 365 E3"); "" when
	// Microsoft's table does not list the product.
	ProductName string
	Enabled     int // units bought
	Consumed    int // units assigned
}

// Free reports how many units are left to assign.
func (s SKU) Free() int { return s.Enabled - s.Consumed }

// License is a license assigned to a user.
type License struct {
	SKUID       string
	PartNumber  string
	ProductName string // as in SKU
}

// Organization is the tenant's organization record.
type Organization struct {
	ID              string
	DisplayName     string
	VerifiedDomains []string
}

// DeletedUser is a user in the recycle bin ("recently deleted").
type DeletedUser struct {
	User
	DeletedDateTime time.Time
}
