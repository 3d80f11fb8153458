package graph

import (
	"crypto/rand"
	"fmt"
	"math/big"
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
