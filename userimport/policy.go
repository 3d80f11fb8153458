package userimport

import (
	"errors"
	"strings"
	"unicode"

	"github.com/entra-wizard/entra-wizard/graph"
)

// The rules below are Microsoft Entra's for cloud accounts ("Password
// policies and account restrictions in Microsoft Entra ID": username
// policies and password policies).

// upnAllowed are the characters a user name may have before the @ besides
// letters and digits.
const upnAllowed = "'.-_!#^~"

// upnProblem says what breaks the user name rules, or "".
func upnProblem(upn string) string {
	local, domain, ok := strings.Cut(upn, "@")
	switch {
	case !ok || local == "" || domain == "":
		return "is not of the form name@domain"
	case strings.Contains(domain, "@"):
		return "has more than one @"
	case len(upn) > 113 || len(local) > 64 || len(domain) > 48:
		return "is too long (at most 64 characters before the @, 48 after it)"
	case strings.HasSuffix(local, "."):
		return "ends with a period just before the @"
	case strings.HasPrefix(local, "."):
		return "starts with a period"
	}
	for _, r := range local {
		if r > unicode.MaxASCII || (!isASCIILetterOrDigit(r) && !strings.ContainsRune(upnAllowed, r)) {
			return "has the character " + quoteRune(r) + ", which a user name cannot have (letters, digits and ' . - _ ! # ^ ~ only)"
		}
	}
	for _, r := range domain {
		if r > unicode.MaxASCII || (!isASCIILetterOrDigit(r) && r != '.' && r != '-') {
			return "has a domain with the character " + quoteRune(r)
		}
	}
	if !strings.Contains(domain, ".") {
		return "has a domain without a dot, like contoso.com"
	}
	return ""
}

// passwordProblem says what breaks the password rules, or "": 8 to 256
// characters of the allowed set, with three of lower case, upper case,
// digits and symbols.
func passwordProblem(pw string) string {
	n := len([]rune(pw))
	if n < 8 || n > 256 {
		return "must have 8 to 256 characters"
	}
	var kinds [4]bool
	for _, r := range pw {
		switch {
		case r > unicode.MaxASCII || r < ' ':
			// The character is not named: the password is a secret.
			return "has a character Microsoft Entra does not take in passwords: use letters A to Z, digits and symbols such as ! @ # $ %"
		case r >= 'a' && r <= 'z':
			kinds[0] = true
		case r >= 'A' && r <= 'Z':
			kinds[1] = true
		case r >= '0' && r <= '9':
			kinds[2] = true
		default:
			kinds[3] = true
		}
	}
	have := 0
	for _, k := range kinds {
		if k {
			have++
		}
	}
	if have < 3 {
		return "is too simple: use three of lower case letters, upper case letters, digits and symbols, or leave it empty to generate one"
	}
	return ""
}

func isASCIILetterOrDigit(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

func quoteRune(r rune) string {
	if r == ' ' {
		return "space"
	}
	if unicode.IsPrint(r) {
		return "\"" + string(r) + "\""
	}
	return "(invisible)"
}

// failure says in plain words why Microsoft Graph refused a row.
func failure(err error) string {
	var ge *graph.Error
	if errors.As(err, &ge) {
		return "not created: " + ge.Plain()
	}
	return "not created: " + err.Error()
}
