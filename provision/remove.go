package provision

import (
	"context"
	"errors"

	"github.com/entra-wizard/entra-wizard/graph"
)

// Remove undoes what st created: the app registration (Entra removes its
// service principal and grants with it), or, on a reused registration, the
// secret or certificate this run added (it had no other certificate). It
// uses the setup sign-in still held in memory.
func (s *Setup) Remove(ctx context.Context, st *State) error {
	c := st.Created
	if !c.Any() {
		return nil
	}
	g, err := s.graphClient(st)
	if err != nil {
		return err
	}
	if c.Reused {
		if err := removeCredential(ctx, g, c); err != nil {
			return err
		}
	} else if err := g.DeleteApplication(ctx, c.AppObjectID); err != nil && !errors.Is(err, graph.ErrNotFound) {
		return err
	}
	st.Created = Created{}
	st.secret, st.cert, st.Next = "", nil, StepLookUp
	return nil
}

// removeCredential removes the secret or certificate a run added to a
// reused registration.
func removeCredential(ctx context.Context, g *graph.Client, c Created) error {
	var err error
	switch {
	case c.SecretKeyID != "":
		err = g.RemoveSecret(ctx, c.AppObjectID, c.SecretKeyID)
	case c.CertificateKeyID != "":
		err = g.SetCertificates(ctx, c.AppObjectID, nil)
	}
	if errors.Is(err, graph.ErrNotFound) {
		return nil
	}
	return err
}

// DropCredential removes the secret or certificate this run added, which
// nobody has seen, and keeps the app: the admin carries on by hand with
// the app and makes a credential of their own in the portal.
func (s *Setup) DropCredential(ctx context.Context, st *State) error {
	c := st.Created
	if c.SecretKeyID == "" && c.CertificateKeyID == "" {
		return nil
	}
	g, err := s.graphClient(st)
	if err != nil {
		return err
	}
	if err := removeCredential(ctx, g, c); err != nil {
		return err
	}
	st.Created.SecretKeyID, st.Created.CertificateKeyID, st.Created.CertificateThumbprint = "", "", ""
	st.secret, st.cert = "", nil
	return nil
}
