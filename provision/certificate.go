package provision

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// errReuseHasCertificates stops reusing a registration that has
// certificates: Graph sets an app's certificates only all at once, and
// their keys are not readable, so adding one would remove the others.
var errReuseHasCertificates = errors.New("the existing registration already has certificates, and adding one here would remove them: choose another app name, or add the certificate in the portal")

// newCertificate makes the connection's key pair and certificate, valid
// for the request's lifetime, and keeps it in memory until it is saved.
// The credential starts now, not when the certificate does (a minute
// earlier, for clocks a little off): a policy's cap counts from its start.
func (s *Setup) newCertificate(st *State) (graph.Certificate, error) {
	r := st.Request
	now := s.deps.Clock.Now()
	cert, err := oauth.NewCertificate(r.AppName, r.Computer, now, time.Duration(r.SecretDays)*24*time.Hour)
	if err != nil {
		return graph.Certificate{}, err
	}
	st.cert = cert
	return graph.Certificate{KeyID: uuid.NewString(), DisplayName: r.secretName(now), DER: cert.DER,
		Start: now.UTC(), End: cert.NotAfter()}, nil
}

// recordCertificate notes the certificate Graph registered.
func (st *State) recordCertificate(c graph.Certificate) {
	st.Created.CertificateKeyID, st.Created.CertificateExpires = c.KeyID, c.End
	st.Created.CertificateThumbprint = st.cert.Thumbprint()
}

// addCertificate registers a new certificate on a reused registration
// that has none (lookUp checked).
func (s *Setup) addCertificate(ctx context.Context, st *State) error {
	g, err := s.graphClient(st)
	if err != nil {
		return err
	}
	return s.withinLifetime(st, "asymmetricKeyLifetime", "certificate", func() error {
		cert, err := s.newCertificate(st)
		if err != nil {
			return err
		}
		if err := g.SetCertificates(ctx, st.Created.AppObjectID, []graph.Certificate{cert}); err != nil {
			return err
		}
		st.recordCertificate(cert)
		return nil
	})
}
