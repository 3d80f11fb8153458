package oauth

import (
	"encoding/base64"
	"slices"
	"testing"
	"time"
)

// unsignedJWT builds a token with the given payload and a dummy signature.
func unsignedJWT(payload string) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"RS256","typ":"JWT"}`)) + "." + enc([]byte(payload)) + ".c2ln"
}

func TestTokenClaimsAppOnly(t *testing.T) {
	tok := unsignedJWT(`{"tid":"t1","appid":"a1","roles":["User.Read.All","Group.Read.All"],"exp":1900000000}`)
	c, err := TokenClaims(tok)
	if err != nil {
		t.Fatal(err)
	}
	if c.TenantID != "t1" || c.AppID != "a1" || c.Delegated() ||
		!slices.Equal(c.Roles, []string{"User.Read.All", "Group.Read.All"}) ||
		!c.Expires.Equal(time.Unix(1900000000, 0)) {
		t.Errorf("TokenClaims = %+v", c)
	}
}

func TestTokenClaimsDelegated(t *testing.T) {
	tok := unsignedJWT(`{"tid":"t1","azp":"a2","scp":"User.Read  Group.Read.All","preferred_username":"adele@contoso.com"}`)
	c, err := TokenClaims(tok)
	if err != nil {
		t.Fatal(err)
	}
	if c.AppID != "a2" || c.User != "adele@contoso.com" || !c.Delegated() ||
		!slices.Equal(c.Scopes, []string{"User.Read", "Group.Read.All"}) || !c.Expires.IsZero() {
		t.Errorf("TokenClaims = %+v", c)
	}
}

func TestTokenClaimsRefusesWhatIsNotAJWT(t *testing.T) {
	for _, tok := range []string{"", "opaque-token", "a.b", "a.!!!.c", unsignedJWT("[1,2]"), unsignedJWT("{")} {
		if _, err := TokenClaims(tok); err == nil {
			t.Errorf("TokenClaims(%q) succeeded", tok)
		}
	}
}
