package demotenant

import (
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // Entra names certificates by their SHA-1 thumbprint
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// keyCredential is a certificate registered on an application, as
// Certificates & secrets > Certificates lists it: only its public part.
type keyCredential struct {
	KeyID       string
	DisplayName string
	Cert        *x509.Certificate
	Start, End  time.Time
	// Added is when Graph registered it; the sign-in service accepts it
	// only after the replication delay, as for secrets.
	Added time.Time
}

// The only key credential the sign-in service verifies assertions with.
const (
	keyTypeX509  = "AsymmetricX509Cert"
	keyUsageVerf = "Verify"
)

// thumbprintSHA1 and thumbprintS256 are the x5t and x5t#S256 of the
// certificate, as assertions name it.
func (k keyCredential) thumbprintSHA1() string {
	sum := sha1.Sum(k.Cert.Raw) //nolint:gosec // see the import
	return b64.EncodeToString(sum[:])
}

func (k keyCredential) thumbprintS256() string {
	sum := sha256.Sum256(k.Cert.Raw)
	return b64.EncodeToString(sum[:])
}

// keyJSON renders a key credential as Graph's keyCredential. Graph never
// returns the key itself in a list or a get without $select, so neither
// does the demo tenant.
func keyJSON(k keyCredential) odata.Object {
	sum := sha1.Sum(k.Cert.Raw) //nolint:gosec // see the import
	return odata.Object{
		{"customKeyIdentifier", base64.StdEncoding.EncodeToString(sum[:])}, {"displayName", odata.Value(k.DisplayName)},
		{"endDateTime", odata.Value(k.End)}, {"key", nil}, {"keyId", k.KeyID},
		{"startDateTime", odata.Value(k.Start)}, {"type", keyTypeX509}, {"usage", keyUsageVerf},
	}
}

// keyCredentialInput is a keyCredential in a request body: key is the
// base64 of the certificate's DER, as the application manifest takes it.
type keyCredentialInput struct {
	KeyID         string `json:"keyId"`
	DisplayName   string `json:"displayName"`
	Type          string `json:"type"`
	Usage         string `json:"usage"`
	Key           string `json:"key"`
	StartDateTime string `json:"startDateTime"`
	EndDateTime   string `json:"endDateTime"`
}

// keyCredentials checks keyCredentials of a request and builds them. The
// dates default to the certificate's and may not lie outside it.
func (s *Server) keyCredentials(in []keyCredentialInput) ([]keyCredential, error) {
	bad := func() ([]keyCredential, error) { return nil, errInvalidProperty("keyCredentials", "Application") }
	out := make([]keyCredential, 0, len(in))
	for _, kc := range in {
		if kc.Type != keyTypeX509 || kc.Usage != keyUsageVerf {
			return bad()
		}
		der, err := base64.StdEncoding.DecodeString(kc.Key)
		if err != nil {
			return bad()
		}
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			return bad()
		}
		if _, ok := cert.PublicKey.(*rsa.PublicKey); !ok {
			return bad()
		}
		k := keyCredential{KeyID: kc.KeyID, DisplayName: kc.DisplayName, Cert: cert,
			Start: cert.NotBefore.UTC(), End: cert.NotAfter.UTC(), Added: s.graphNow()}
		if k.Start, err = dateWithin(kc.StartDateTime, k.Start, cert); err != nil {
			return bad()
		}
		if k.End, err = dateWithin(kc.EndDateTime, k.End, cert); err != nil {
			return bad()
		}
		if k.KeyID == "" {
			k.KeyID = s.dir.newObjectID()
		}
		out = append(out, k)
	}
	return out, nil
}

// dateWithin parses an optional date that must lie within the
// certificate's validity; "" means def.
func dateWithin(raw string, def time.Time, cert *x509.Certificate) (time.Time, error) {
	if raw == "" {
		return def, nil
	}
	t, err := time.Parse(time.RFC3339, raw)
	if err != nil || t.Before(cert.NotBefore.Add(-time.Second)) || t.After(cert.NotAfter.Add(time.Second)) {
		return time.Time{}, errInvalidProperty("keyCredentials", "Application")
	}
	return t.UTC(), nil
}

// updateApplication serves PATCH /applications/{id} for what setup
// changes: keyCredentials, which replace the whole collection as Graph
// documents, and displayName.
func (s *Server) updateApplication(c *graphCall) error {
	a, err := c.ownedApplication()
	if err != nil {
		return err
	}
	var in struct {
		DisplayName    *string               `json:"displayName"`
		KeyCredentials *[]keyCredentialInput `json:"keyCredentials"`
	}
	if err := c.decodeBody(&in); err != nil {
		return err
	}
	if in.DisplayName != nil && strings.TrimSpace(*in.DisplayName) == "" {
		return errInvalidProperty("displayName", "Application")
	}
	var keys []keyCredential
	if in.KeyCredentials != nil {
		if keys, err = s.keyCredentials(*in.KeyCredentials); err != nil {
			return err
		}
		if err := s.checkKeyPolicy(a, keys); err != nil {
			return err
		}
	}
	if in.DisplayName != nil {
		a.DisplayName = *in.DisplayName
	}
	if in.KeyCredentials != nil {
		a.Keys = keys
	}
	return c.noContent()
}

// UploadCertificate registers a certificate (DER) on the app with client
// id appID, as an admin does under Certificates & secrets > Certificates >
// Upload certificate, and returns its key id. Like any new credential it
// works for sign-in only after Options.ReplicationDelay.
func (s *Server) UploadCertificate(appID string, der []byte) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.dir.apps[appID]
	if !ok {
		return "", fmt.Errorf("no app with client id %s", appID)
	}
	keys, err := s.keyCredentials([]keyCredentialInput{{Type: keyTypeX509, Usage: keyUsageVerf, Key: base64.StdEncoding.EncodeToString(der)}})
	if err != nil {
		return "", err
	}
	a.Keys = append(a.Keys, keys...)
	return keys[0].KeyID, nil
}
