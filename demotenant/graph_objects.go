package demotenant

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

func (u *user) Kind() *odata.Kind { return userKind }
func (u *user) ObjectID() string  { return u.ID }

func (u *user) Property(name string) any {
	switch name {
	case "id":
		return u.ID
	case "accountEnabled":
		return u.AccountEnabled
	case "assignedLicenses":
		out := make([]odata.Object, 0, len(u.Licenses))
		for _, l := range u.Licenses {
			out = append(out, odata.Object{{"disabledPlans", nonNil(l.DisabledPlans)}, {"skuId", l.SkuID}})
		}
		return out
	case "businessPhones":
		return []string{}
	case "city":
		return u.City
	case "country":
		return u.Country
	case "createdDateTime":
		return u.CreatedDateTime
	case "department":
		return u.Department
	case "displayName":
		return u.DisplayName
	case "givenName":
		return u.GivenName
	case "jobTitle":
		return u.JobTitle
	case "mail":
		return u.Mail
	case "mailNickname":
		return u.MailNickname
	case "mobilePhone":
		return u.MobilePhone
	case "officeLocation":
		return u.OfficeLocation
	case "onPremisesSyncEnabled":
		if !u.OnPremisesSync {
			return nil // Graph's null: a cloud-only user
		}
		return true
	case "surname":
		return u.Surname
	case "usageLocation":
		return u.UsageLocation
	case "userPrincipalName":
		return u.UserPrincipalName
	case "userType":
		return u.UserType
	}
	return nil
}

func (g *group) Kind() *odata.Kind { return groupKind }
func (g *group) ObjectID() string  { return g.ID }

func (g *group) Property(name string) any {
	switch name {
	case "id":
		return g.ID
	case "createdDateTime", "renewedDateTime":
		return g.CreatedDateTime
	case "creationOptions", "resourceBehaviorOptions", "resourceProvisioningOptions":
		return []string{}
	case "description":
		return g.Description
	case "displayName":
		return g.DisplayName
	case "groupTypes":
		return nonNil(g.GroupTypes)
	case "mail":
		return g.Mail
	case "mailEnabled":
		return g.MailEnabled
	case "mailNickname":
		return g.MailNickname
	case "proxyAddresses":
		if g.Mail == "" {
			return []string{}
		}
		return []string{"SMTP:" + g.Mail}
	case "securityEnabled":
		return g.SecurityEnabled
	case "securityIdentifier":
		return securityIdentifier(g.ID)
	case "visibility":
		return g.Visibility
	}
	return nil
}

// deletedEntity is a user or group in the deleted items: the object itself
// plus the time it was deleted.
type deletedEntity struct {
	odata.Entity
	at time.Time
}

func (d deletedEntity) Property(name string) any {
	if name == "deletedDateTime" {
		return d.at
	}
	return d.Entity.Property(name)
}

// securityIdentifier derives the object's Windows SID from its id, in the
// form Entra uses for cloud objects.
func securityIdentifier(id string) string {
	b, err := hex.DecodeString(strings.ReplaceAll(id, "-", ""))
	if err != nil || len(b) != 16 {
		return ""
	}
	return fmt.Sprintf("S-1-12-1-%d-%d-%d-%d", binary.LittleEndian.Uint32(b[0:]),
		binary.LittleEndian.Uint32(b[4:]), binary.LittleEndian.Uint32(b[8:]), binary.LittleEndian.Uint32(b[12:]))
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
