package ldapconn

import (
	"errors"
	"regexp"
	"strings"

	"github.com/go-ldap/ldap/v3"
)

// adDataCode finds the reason Active Directory appends to a refused bind,
// such as "data 52e" in "80090308: LdapErr: DSID-0C09042A, comment:
// AcceptSecurityContext error, data 52e, v4563".
var adDataCode = regexp.MustCompile(`\bdata ([0-9a-fA-F]{3,4})\b`)

// adBindReasons are the reasons a managed domain gives for a refused bind.
var adBindReasons = map[string]string{
	"525": "the account does not exist in the managed domain",
	"52e": "the account or the password is wrong",
	"530": "the account may not sign in at this time",
	"531": "the account may not sign in from this computer",
	"532": "the password has expired",
	"533": "the account is disabled",
	"701": "the account has expired",
	"773": "the password must be changed before the account can sign in",
	"775": "the account is locked out after too many wrong passwords",
}

const credentialsHint = "Check the bind account (its user principal name, such as admin@aaddscontoso.com, DOMAIN\\user, or its DN) and the password. " +
	"The account must be a member of the managed domain, and its password hash must have reached the managed domain: " +
	"for a cloud-only account, change its password after Domain Services was enabled and wait about 20 minutes; " +
	"for an account synced from on-premises, password hash synchronization must be on in Entra Connect."

// classifyLDAP turns an LDAP or connection error into an *Error.
// An *Error already (such as a failed reconnect) is returned as it is.
func classifyLDAP(step StepID, err error, account string) *Error {
	if e, ok := AsError(err); ok {
		return e
	}
	var le *ldap.Error
	if !errors.As(err, &le) {
		return newError(step, CodeLDAP, err, "Try again; if it keeps failing, check the network.", "the server did not answer: %v", err)
	}
	diag := ""
	if le.Err != nil {
		diag = le.Err.Error()
	}
	switch le.ResultCode {
	case ldap.LDAPResultInvalidCredentials:
		why := "the bind account or its password was refused"
		if m := adDataCode.FindStringSubmatch(diag); m != nil {
			if reason, ok := adBindReasons[strings.ToLower(m[1])]; ok {
				why = "the sign-in was refused: " + reason
			}
		}
		return newError(step, CodeInvalidCredentials, err, credentialsHint, "%s (signing in as %s)", why, account)
	case ldap.LDAPResultInvalidDNSyntax:
		return newError(step, CodeInvalidBindAccount, err,
			"Type the bind account as user@domain, as DOMAIN\\user (the managed domain's NetBIOS name), or as its full DN (CN=...,OU=AADDC Users,DC=...).",
			"the server does not accept %q as an account name", account)
	case ldap.LDAPResultNoSuchObject:
		msg := "the base DN does not exist on this server"
		if le.MatchedDN != "" {
			msg += "; the closest entry that exists is " + le.MatchedDN
		}
		return newError(step, CodeNoSuchObject, err,
			"Use the managed domain's name written as DC parts, such as DC=aaddscontoso,DC=com. Users and groups from "+
				"Entra ID are under OU=AADDC Users, computers under OU=AADDC Computers.", "%s", msg)
	case ldap.LDAPResultInsufficientAccessRights:
		return newError(step, CodeInsufficientAccess, err,
			"The bind account may not read there. Use an account of the managed domain (members of AAD DC Administrators can read everything).",
			"the bind account may not read under the base DN")
	case ldap.ErrorNetwork:
		return newError(step, CodeServerClosed, err, "Try again; if it keeps failing, check the network.",
			"the connection to the server was lost: %v", le.Err)
	case ldap.LDAPResultTimeout, ldap.LDAPResultTimeLimitExceeded:
		return newError(step, CodeTimeout, err, "The server is slow to answer; test again, or narrow the base DN.",
			"the server did not answer in time")
	}
	return newError(step, CodeLDAP, err, "Check the settings and test again.", "the server answered: %s", ldap.LDAPResultCodeMap[le.ResultCode])
}
