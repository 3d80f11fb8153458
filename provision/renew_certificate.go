package provision

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// errNoObjectID stops renewing a certificate whose app registration's
// object ID was never recorded: the proof must name it.
var errNoObjectID = errors.New("the connection's settings do not record its app registration's object ID, which renewing the certificate needs: upload a new certificate under Certificates & secrets in the portal, or set the connection up again")

// renewCertificate replaces a certificate connection's certificate with no
// admin sign-in, as Microsoft Graph lets an app roll its own keys: a new
// key pair and certificate, addKey with a proof signed by the current key,
// a wait until Entra accepts the new one, a test, the save (settings and
// key together), and only then removeKey for the old one. If anything
// before the save fails, the new certificate is removed again and the
// saved connection is untouched. conn is the opened saved connection,
// signing in with its current certificate.
func (s *Setup) renewCertificate(ctx context.Context, conn *connection.Connection, days int) (Renewed, error) {
	p, current := conn.Profile, conn.Certificate
	if current == nil || p.Certificate == nil {
		return Renewed{}, errors.New("the connection's certificate or its key is missing: set the connection up again")
	}
	if p.AppObjectID == "" {
		return Renewed{}, errNoObjectID
	}
	req, err := Request{Name: p.Name, Endpoints: conn.Endpoints, Tenant: p.Tenant, Method: MethodCertificate, SecretDays: days,
		AppName: subjectApp(current.Subject()), Reuse: true, AllowCustom: true, renewal: true}.withDefaults()
	if err != nil {
		return Renewed{}, err
	}
	req.Features = nil // the test asks only that the connection works, as before
	st := &State{Request: req, TenantID: p.Tenant, Created: Created{AppID: p.ClientID, AppObjectID: p.AppObjectID, Reused: true}}
	for _, step := range []Step{StepSecret, StepWait, StepTest, StepSave} {
		st.Next = step
		s.progress(Progress{Step: step})
		if err := s.runCertificateStep(ctx, st, conn); err != nil {
			fail := s.failure(st, err)
			if st.Created.CertificateKeyID != "" {
				// Also when ctx was cancelled: the new certificate must not stay.
				cleanup, stop := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
				rmErr := s.removeKey(cleanup, conn.Graph, current, p.AppObjectID, st.Created.CertificateKeyID)
				stop()
				if rmErr != nil {
					fail.Err = errors.Join(err, fmt.Errorf("the new certificate could not be removed again: %w", rmErr))
				}
			}
			return Renewed{}, fail
		}
	}
	out := Renewed{Profile: renewedCertificateProfile(p, st), Notes: st.Notes}
	if p.Certificate.KeyID == "" {
		out.OldLeft = errors.New("the previous certificate's key id was not recorded, so it was left in place")
	} else {
		out.OldLeft = s.removeKey(ctx, conn.Graph, st.cert, p.AppObjectID, p.Certificate.KeyID)
	}
	return out, nil
}

func (s *Setup) runCertificateStep(ctx context.Context, st *State, conn *connection.Connection) error {
	switch st.Next {
	case StepSecret:
		return s.addKey(ctx, st, conn)
	case StepSave:
		return s.deps.Save(renewedCertificateProfile(conn.Profile, st), keystore.Secrets{CertificateKey: st.cert.KeyText()})
	}
	return s.run(ctx, st)
}

// addKey makes the new certificate and registers it with addKey, proved
// by the current one, within the app management policy's lifetime (which
// the app may not read: a refusal tries shorter ones).
func (s *Setup) addKey(ctx context.Context, st *State, conn *connection.Connection) error {
	return s.withinLifetime(st, "asymmetricKeyLifetime", "certificate", func() error {
		cert, err := s.newCertificate(st)
		if err != nil {
			return err
		}
		proof, err := conn.Certificate.Proof(st.Created.AppObjectID, s.deps.Clock.Now())
		if err != nil {
			return err
		}
		added, err := conn.Graph.AddKey(ctx, st.Created.AppObjectID, cert, proof)
		if err != nil {
			return err
		}
		st.recordCertificate(added)
		return nil
	})
}

// removeKey removes the certificate keyID with a proof signed by with.
func (s *Setup) removeKey(ctx context.Context, g *graph.Client, with *oauth.Certificate, objectID, keyID string) error {
	proof, err := with.Proof(objectID, s.deps.Clock.Now())
	if err != nil {
		return err
	}
	return g.RemoveKey(ctx, objectID, keyID, proof)
}

// renewedCertificateProfile is old with the new certificate.
func renewedCertificateProfile(old keystore.Profile, st *State) keystore.Profile {
	p := old
	p.Certificate = &keystore.CertificateSettings{DER: st.cert.DER, Thumbprint: st.Created.CertificateThumbprint,
		KeyID: st.Created.CertificateKeyID, Expires: st.Created.CertificateExpires}
	return p
}

// subjectApp is the app's name in a certificate subject this program
// made ("APP on COMPUTER"), so the new certificate names the app as the
// old one did, and this computer.
func subjectApp(subject string) string {
	if i := strings.LastIndex(subject, " on "); i > 0 {
		return subject[:i]
	}
	return subject
}
