package demotenant

import (
	"net/http"
	"slices"
	"strings"
	"unicode"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// userStringProps maps the writable string properties of a user to the
// fields that hold them.
var userStringProps = map[string]func(u *user) *string{
	"displayName":    func(u *user) *string { return &u.DisplayName },
	"givenName":      func(u *user) *string { return &u.GivenName },
	"surname":        func(u *user) *string { return &u.Surname },
	"jobTitle":       func(u *user) *string { return &u.JobTitle },
	"department":     func(u *user) *string { return &u.Department },
	"officeLocation": func(u *user) *string { return &u.OfficeLocation },
	"city":           func(u *user) *string { return &u.City },
	"country":        func(u *user) *string { return &u.Country },
	"mobilePhone":    func(u *user) *string { return &u.MobilePhone },
	"mailNickname":   func(u *user) *string { return &u.MailNickname },
	"usageLocation":  func(u *user) *string { return &u.UsageLocation },
}

// applyUserChanges sets the properties in body on u, checking each as
// Graph does. On error u may be half changed: callers work on a copy.
func (d *directory) applyUserChanges(u *user, body map[string]any) error {
	for key, value := range body {
		switch {
		case isAnnotation(key):
			// "@odata.type" and other annotations describe the body.
		case key == "accountEnabled":
			b, ok := value.(bool)
			if !ok {
				return errInvalidProperty(key, "User")
			}
			u.AccountEnabled = b
		case key == "userPrincipalName":
			upn, ok := value.(string)
			if !ok {
				return errInvalidProperty(key, "User")
			}
			if err := d.checkNewUPN(upn, u.ID); err != nil {
				return err
			}
			u.UserPrincipalName = upn
		case key == "passwordProfile":
			if err := applyPasswordProfile(u, value); err != nil {
				return err
			}
		case userStringProps[key] != nil:
			s, ok := value.(string)
			if value == nil && key == "displayName" {
				return odata.NewError(http.StatusBadRequest, "Request_BadRequest",
					"A value is required for property '%s' of resource 'User'.", key)
			}
			// Graph refuses empty text for a user's properties; null
			// clears them.
			if value != nil && (!ok || strings.TrimSpace(s) == "") {
				return errInvalidProperty(key, "User")
			}
			if key == "usageLocation" && s != "" && !isCountryCode(s) {
				return errInvalidProperty(key, "User")
			}
			*userStringProps[key](u) = s
		default:
			return odata.NewError(http.StatusBadRequest, "Request_BadRequest",
				"Property '%s' does not exist as a declared property or extension property.", key)
		}
	}
	return nil
}

// checkNewUPN checks a user principal name for a user with id self ("" for
// a new user): well formed, in a verified domain, and not taken.
func (d *directory) checkNewUPN(upn, self string) error {
	local, domain, ok := strings.Cut(upn, "@")
	if !ok || local == "" || domain == "" || strings.ContainsAny(local, " @\"\\<>()[];:,") {
		return errInvalidProperty("userPrincipalName", "User")
	}
	if !slices.ContainsFunc(d.domains, func(v string) bool { return strings.EqualFold(v, domain) }) {
		return errUnverifiedDomain
	}
	if other := d.userByUPN(upn); other != nil && other.ID != self {
		return errDuplicateUPN
	}
	return nil
}

func applyPasswordProfile(u *user, value any) error {
	profile, ok := value.(map[string]any)
	if !ok {
		return errInvalidProperty("passwordProfile", "User")
	}
	for key, v := range profile {
		switch {
		case isAnnotation(key):
		case key == "password":
			pw, ok := v.(string)
			if !ok {
				return errInvalidProperty("passwordProfile", "User")
			}
			if !isComplexPassword(pw) {
				return errPasswordComplexity
			}
			u.Password = pw
		case key == "forceChangePasswordNextSignIn", key == "forceChangePasswordNextSignInWithMfa":
			b, ok := v.(bool)
			if !ok {
				return errInvalidProperty("passwordProfile", "User")
			}
			if key == "forceChangePasswordNextSignIn" {
				u.ForceChange = b
			}
		default:
			return errInvalidProperty("passwordProfile", "User")
		}
	}
	if u.Password == "" {
		return errInvalidProperty("passwordProfile", "User")
	}
	return nil
}

// isComplexPassword applies Entra's password policy: 8 to 256 characters
// with three of upper case, lower case, digits and symbols.
func isComplexPassword(pw string) bool {
	n := len([]rune(pw))
	if n < 8 || n > 256 {
		return false
	}
	var upper, lower, digit, symbol int
	for _, r := range pw {
		switch {
		case unicode.IsUpper(r):
			upper = 1
		case unicode.IsLower(r):
			lower = 1
		case unicode.IsDigit(r):
			digit = 1
		default:
			symbol = 1
		}
	}
	return upper+lower+digit+symbol >= 3
}

// countryCodes are the ISO 3166-1 alpha-2 codes, the only values Graph
// takes as a user's usageLocation. The program keeps its own list
// (graph.IsCountryCode): the demo tenant shares no code with the clients
// it tests.
var countryCodes = func() map[string]bool {
	codes := map[string]bool{}
	for _, c := range strings.Fields(`
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ
EC EE EG EH ER ES ET
FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT
JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ
OM
PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA
RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
UA UG UM US UY UZ
VA VC VE VG VI VN VU
WF WS
YE YT
ZA ZM ZW`) {
		codes[c] = true
	}
	return codes
}()

// isCountryCode reports whether s is an ISO 3166-1 alpha-2 code, in
// capitals as Graph stores it.
func isCountryCode(s string) bool { return countryCodes[s] }

// isAnnotation reports whether a body key is an OData annotation such as
// "@odata.type", which clients may send along with the properties.
func isAnnotation(key string) bool {
	return strings.HasPrefix(key, "@odata.") && !strings.HasSuffix(key, "@odata.bind")
}
