package appsetup

import (
	"context"
	"errors"

	"github.com/entra-wizard/entra-wizard/graph"
)

// Remove undoes what st created: the app registration (Entra removes its
// service principal and grants with it), or, on a reused registration, the
// secret this run added. It uses the setup sign-in still held in memory.
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
		if c.SecretKeyID != "" {
			if err := g.RemoveSecret(ctx, c.AppObjectID, c.SecretKeyID); err != nil && !errors.Is(err, graph.ErrNotFound) {
				return err
			}
		}
	} else if err := g.DeleteApplication(ctx, c.AppObjectID); err != nil && !errors.Is(err, graph.ErrNotFound) {
		return err
	}
	st.Created = Created{}
	st.secret, st.Next = "", StepLookUp
	return nil
}
