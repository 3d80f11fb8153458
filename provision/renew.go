package provision

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// renewRequest names a saved secret connection whose secret to replace,
// with the endpoints its keychain entry was saved for.
type renewRequest struct {
	Profile   keystore.Profile
	Endpoints oauth.Endpoints
	// SecretDays is the new secret's lifetime; 0 means DefaultSecretDays.
	SecretDays int
	Computer   string
}

// Renewed is a renewed connection. OldLeft is set when the previous
// secret or certificate could not be removed (or was never known): it
// still works until it expires, and an admin may remove it in the portal.
type Renewed struct {
	Profile keystore.Profile
	OldLeft error
	// Notes are what the renewal adapted, such as a certificate's lifetime
	// shortened to the tenant's app management policy.
	Notes []string
}

// ErrNotSecret refuses to renew a connection without a client secret.
var ErrNotSecret = errors.New("only connections with a client secret have a secret to renew")

// renew replaces a connection's client secret in an order that never leaves
// it without a working one: sign in, add the new secret, wait until Entra
// accepts it, test it, save it, and only then remove the old secret. If
// anything before the save fails, the new secret is removed again and the
// saved connection is untouched. The endpoints must be the ones the
// keychain confirmed (RenewSaved checks them).
func (s *Setup) renew(ctx context.Context, rr renewRequest) (Renewed, error) {
	p := rr.Profile
	if p.Method != keystore.MethodClientSecret {
		return Renewed{}, ErrNotSecret
	}
	req, err := Request{Name: p.Name, Endpoints: rr.Endpoints, Tenant: p.Tenant, Method: MethodSecret, SecretDays: rr.SecretDays,
		Computer: rr.Computer, AppName: "-", Reuse: true,
		// The keychain confirmed these endpoints were allowed when the
		// connection was saved.
		AllowCustom: true, renewal: true}.withDefaults()
	if err != nil {
		return Renewed{}, err
	}
	req.Features = nil // the test asks only that the connection works, as before
	st := &State{Request: req, Created: Created{AppID: p.ClientID, AppObjectID: p.AppObjectID, Reused: true}}
	for _, step := range []Step{StepSignIn, StepSecret, StepWait, StepTest, StepSave} {
		st.Next = step
		s.progress(Progress{Step: step})
		if step == StepSecret && st.Created.AppObjectID == "" {
			if err := s.findApp(ctx, st); err != nil {
				return Renewed{}, s.failure(st, err)
			}
		}
		if err := s.runRenewStep(ctx, st, p); err != nil {
			fail := s.failure(st, err)
			if st.Created.SecretKeyID != "" {
				// Also when ctx was cancelled: the new secret must not stay.
				cleanup, stop := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
				rmErr := s.Remove(cleanup, st)
				stop()
				if rmErr != nil {
					fail.Err = errors.Join(err, fmt.Errorf("the new secret could not be removed again: %w", rmErr))
				}
			}
			return Renewed{}, fail
		}
	}
	out := Renewed{Profile: renewedProfile(p, st)}
	g, err := s.graphClient(st)
	switch {
	case p.SecretKeyID == "":
		out.OldLeft = errors.New("the previous secret's key id was not recorded, so it was left in place")
	case err != nil:
		out.OldLeft = err
	default:
		out.OldLeft = g.RemoveSecret(ctx, st.Created.AppObjectID, p.SecretKeyID)
	}
	return out, nil
}

func (s *Setup) runRenewStep(ctx context.Context, st *State, old keystore.Profile) error {
	if st.Next == StepSave {
		return s.deps.Save(renewedProfile(old, st), keystore.Secrets{ClientSecret: st.secret})
	}
	return s.run(ctx, st)
}

// renewedProfile is old with the new secret's details.
func renewedProfile(old keystore.Profile, st *State) keystore.Profile {
	p := old
	exp := st.Created.SecretExpires
	p.SecretExpires, p.SecretKeyID, p.AppObjectID = &exp, st.Created.SecretKeyID, st.Created.AppObjectID
	return p
}

// findApp looks the registration up by its client ID.
func (s *Setup) findApp(ctx context.Context, st *State) error {
	g, err := s.graphClient(st)
	if err != nil {
		return err
	}
	app, err := g.ApplicationByAppID(ctx, st.Created.AppID)
	if err != nil {
		return err
	}
	st.Created.AppObjectID = app.ObjectID
	return nil
}
