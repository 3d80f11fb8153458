package oauth

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Claims are what an access token says about itself. They are read without
// checking the token's signature, to explain what a connection may do; never
// to decide who someone is.
type Claims struct {
	TenantID string
	// AppID is the client the token was issued to.
	AppID string
	// User is the signed-in account (upn or preferred_username); "" for
	// app-only tokens.
	User string
	// Roles are the application permissions of an app-only token.
	Roles []string
	// Scopes are the delegated permissions of a user's token.
	Scopes  []string
	Expires time.Time
}

// Delegated reports whether the token acts for a signed-in person.
func (c Claims) Delegated() bool { return c.User != "" || len(c.Scopes) > 0 }

// jwtPayload holds the claims TokenClaims reads.
type jwtPayload struct {
	TenantID          string   `json:"tid"`
	AppID             string   `json:"appid"`
	AuthorizedParty   string   `json:"azp"`
	UPN               string   `json:"upn"`
	PreferredUsername string   `json:"preferred_username"`
	Roles             []string `json:"roles"`
	Scope             string   `json:"scp"`
	Expires           int64    `json:"exp"`
}

var errNotJWT = errors.New("the access token is not a readable JSON web token")

// TokenClaims reads the claims of a JWT access token without verifying it.
func TokenClaims(accessToken string) (Claims, error) {
	parts := strings.Split(accessToken, ".")
	if len(parts) != 3 {
		return Claims{}, errNotJWT
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return Claims{}, fmt.Errorf("%w: %w", errNotJWT, err)
	}
	var p jwtPayload
	if err := json.Unmarshal(raw, &p); err != nil {
		return Claims{}, fmt.Errorf("%w: %w", errNotJWT, err)
	}
	c := Claims{
		TenantID: p.TenantID,
		AppID:    p.AppID,
		User:     p.UPN,
		Roles:    p.Roles,
		Scopes:   strings.Fields(p.Scope),
	}
	if c.AppID == "" {
		c.AppID = p.AuthorizedParty
	}
	if c.User == "" {
		c.User = p.PreferredUsername
	}
	if p.Expires > 0 {
		c.Expires = time.Unix(p.Expires, 0)
	}
	return c, nil
}
