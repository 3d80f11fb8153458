package demotenant

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// defaultSecretLifetime is how long a secret lives when addPassword is not
// told: two years, as Graph documents.
const defaultSecretLifetime = 2 * 365 * 24 * time.Hour

// passwordJSON renders a client secret as Graph's passwordCredential; the
// secret's text only in addPassword's answer.
func passwordJSON(sec clientSecret, withText bool) odata.Object {
	var text any
	if withText {
		text = sec.Value
	}
	start := sec.Added
	if start.IsZero() {
		start = sec.Expires.AddDate(-2, 0, 0)
	}
	return odata.Object{
		{"customKeyIdentifier", nil}, {"displayName", odata.Value(sec.DisplayName)},
		{"endDateTime", odata.Value(sec.Expires)}, {"hint", sec.Hint}, {"keyId", sec.KeyID},
		{"secretText", text}, {"startDateTime", odata.Value(start)},
	}
}

// addPassword serves POST /applications/{id}/addPassword: a new secret,
// whose text only this answer carries.
func (s *Server) addPassword(c *graphCall) error {
	a, err := c.ownedApplication()
	if err != nil {
		return err
	}
	var in struct {
		PasswordCredential *struct {
			DisplayName string `json:"displayName"`
			EndDateTime string `json:"endDateTime"`
		} `json:"passwordCredential"`
	}
	if err := c.decodeBody(&in); err != nil {
		return err
	}
	now := s.graphNow()
	end, name := now.Add(defaultSecretLifetime), ""
	if pc := in.PasswordCredential; pc != nil {
		name = pc.DisplayName
		if pc.EndDateTime != "" {
			t, err := time.Parse(time.RFC3339, pc.EndDateTime)
			if err != nil || !t.After(now) {
				return errInvalidProperty("endDateTime", "PasswordCredential")
			}
			end = t.UTC()
		}
	}
	if err := s.checkSecretPolicy(a, now, end); err != nil {
		return err
	}
	sec := newSecret(a.ID+" "+randomString(16), end)
	sec.DisplayName, sec.Added = name, now
	a.Secrets = append(a.Secrets, sec)
	out := append(odata.Object{{"@odata.context", c.contextURL("microsoft.graph.passwordCredential")}}, passwordJSON(sec, true)...)
	return c.writeJSON(http.StatusOK, out)
}

// removePassword serves POST /applications/{id}/removePassword.
func (s *Server) removePassword(c *graphCall) error {
	a, err := c.ownedApplication()
	if err != nil {
		return err
	}
	var in struct {
		KeyID string `json:"keyId"`
	}
	if err := c.decodeBody(&in); err != nil {
		return err
	}
	i := slices.IndexFunc(a.Secrets, func(sec clientSecret) bool { return strings.EqualFold(sec.KeyID, in.KeyID) })
	if i < 0 {
		return odata.NewError(http.StatusNotFound, "Request_ResourceNotFound",
			"No password credential found with keyId %s.", in.KeyID)
	}
	a.Secrets = slices.Delete(a.Secrets, i, i+1)
	return c.noContent()
}
