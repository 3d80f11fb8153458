package graph

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"

	"github.com/microsoftgraph/msgraph-sdk-go/models"
)

// The character sets of a generated password. Look-alike characters (0/O,
// 1/l/I) are left out so the password can be read aloud or typed from
// paper.
const (
	lowerChars  = "abcdefghijkmnopqrstuvwxyz"
	upperChars  = "ABCDEFGHJKLMNPQRSTUVWXYZ"
	digitChars  = "23456789"
	symbolChars = "!@#$%^&*-_=+?"
	// passwordLength is well above Entra's minimum of 8.
	passwordLength = 16
)

// GeneratePassword makes a random initial password from crypto/rand that
// meets Entra's complexity rules: 16 characters with lower and upper case
// letters, digits and symbols.
func GeneratePassword() (string, error) {
	sets := []string{lowerChars, upperChars, digitChars, symbolChars}
	all := lowerChars + upperChars + digitChars + symbolChars
	pw := make([]byte, passwordLength)
	for i := range pw {
		set := all
		if i < len(sets) {
			set = sets[i] // one of each kind at least
		}
		c, err := pick(set)
		if err != nil {
			return "", err
		}
		pw[i] = c
	}
	// Shuffle so the guaranteed kinds are not always first.
	for i := len(pw) - 1; i > 0; i-- {
		j, err := rand.Int(rand.Reader, big.NewInt(int64(i+1)))
		if err != nil {
			return "", fmt.Errorf("graph: generate a password: %w", err)
		}
		pw[i], pw[j.Int64()] = pw[j.Int64()], pw[i]
	}
	return string(pw), nil
}

// GeneratePassword is the package's GeneratePassword, for callers holding a
// Client.
func (c *Client) GeneratePassword() (string, error) { return GeneratePassword() }

func pick(set string) (byte, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(int64(len(set))))
	if err != nil {
		return 0, fmt.Errorf("graph: generate a password: %w", err)
	}
	return set[n.Int64()], nil
}

// needResetPassword are the permissions that reset another user's
// password, least privileged first (Microsoft Graph's "Update user"
// reference, passwordProfile). Directory.ReadWrite.All does not.
var needResetPassword = []string{"User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All"}

// ErrOnPremisesPassword says the user is synchronised from an on-premises
// Active Directory: their password is set there, and Entra takes it from
// there (a cloud reset needs password writeback, which the directory
// does not show).
var ErrOnPremisesPassword = errors.New("the user's password is managed in the on-premises Active Directory")

// ResetPassword gives u a new password; with mustChange the user picks
// their own at the next sign-in. Resetting an administrator's password
// takes a stronger role than resetting a member's: Microsoft Entra answers
// Authorization_RequestDenied (ErrDenied) then.
func (c *Client) ResetPassword(ctx context.Context, u User, password string, mustChange bool) error {
	if err := noID("reset the password", u.ID); err != nil {
		return err
	}
	if u.OnPremisesSync {
		return fmt.Errorf("graph: reset the password of %s: %w", u.UserPrincipalName, ErrOnPremisesPassword)
	}
	pw := models.NewPasswordProfile()
	pw.SetPassword(&password)
	pw.SetForceChangePasswordNextSignIn(&mustChange)
	body := newUserBody()
	body.SetPasswordProfile(pw)
	_, err := c.sdk().Users().ByUserId(u.ID).Patch(ctx, body, nil)
	return fail(err, "reset the password", needResetPassword...)
}

// OnPremisesPasswordAdvice says, in an admin's words, where the password
// of u, a user synchronised from an on-premises Active Directory, is
// reset instead.
func OnPremisesPasswordAdvice(u User) string {
	return u.DisplayName + "'s account comes from the on-premises Active Directory, which keeps the password: " +
		"reset it there (Active Directory Users and Computers), and Microsoft Entra Connect brings it over."
}

// AdminPasswordAdvice explains a refused reset of u's password although
// the connection may reset passwords: Entra's rule for administrators,
// whose passwords only a Privileged Authentication Administrator or a
// Global Administrator may reset (Microsoft Entra built-in roles, "Who can
// reset passwords").
func AdminPasswordAdvice(u User) string {
	return "If " + u.DisplayName + " holds an administrator role, resetting their password needs a Privileged " +
		"Authentication Administrator or a Global Administrator: sign in as one with the browser, or, for this " +
		"app's own connection, assign the app that role under Roles and administrators."
}
