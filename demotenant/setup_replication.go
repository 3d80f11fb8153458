package demotenant

import (
	"fmt"
	"net/http"
	"time"
)

// signInApp finds the app a sign-in or token request names. An app Graph
// created moments ago is not known to the sign-in service yet: for the
// first half of Options.ReplicationDelay it answers AADSTS700016, as Entra
// does while a new registration replicates. Callers hold s.mu.
func (s *Server) signInApp(appID string) (*app, bool) {
	a, ok := s.dir.apps[appID]
	if !ok || s.replicating(a.Created, s.opts.ReplicationDelay/2) {
		return nil, false
	}
	return a, true
}

// secretReplicated reports whether the sign-in service knows sec yet: a
// secret addPassword made is refused (AADSTS7000215) for
// Options.ReplicationDelay.
func (s *Server) secretReplicated(sec clientSecret) bool {
	return !s.replicating(sec.Added, s.opts.ReplicationDelay)
}

// replicating reports whether something made at made is still on its way
// to the sign-in service, which takes delay.
func (s *Server) replicating(made time.Time, delay time.Duration) bool {
	return !made.IsZero() && delay > 0 && s.opts.Now().Before(made.Add(delay))
}

// assignmentRequired reports whether the flow signs in to a client the
// tenant restricts to assigned users, with nobody assigned
// (Options.RestrictCommandLineTools).
func (s *Server) assignmentRequired(flow *signInFlow) bool {
	return s.opts.RestrictCommandLineTools && flow.AppID == graphCLIAppID
}

func errNotAssigned(a *app) entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 50105,
		fmt.Sprintf("Your administrator has configured the application %s ('%s') to block users unless they are specifically granted ('assigned') access to the application. The signed in user '{EUII Hidden}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator. Please contact your administrator to assign access to this application.", a.DisplayName, a.AppID)}
}
