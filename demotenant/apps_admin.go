package demotenant

import "fmt"

// GrantAppPermission grants the app with client id appID the Microsoft
// Graph application permission role, as an admin adds it under API
// permissions and grants admin consent. Tokens issued afterwards carry it.
func (s *Server) GrantAppPermission(appID, role string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := s.dir.principalOf(appID)
	if sp == nil {
		return fmt.Errorf("no enterprise app for client id %s", appID)
	}
	if p, ok := permissionByName(role); !ok || p.RoleID == "" {
		return fmt.Errorf("%s is not an application permission", role)
	}
	sp.grantRole(role, s.graphNow())
	return nil
}

// MakeAppOwnItself adds the app's service principal to the owners of its
// own registration, as POST /applications/{id}/owners/$ref with the
// service principal does: with Application.ReadWrite.OwnedBy the app may
// then read and manage its own registration.
func (s *Server) MakeAppOwnItself(appID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, sp := s.dir.apps[appID], s.dir.principalOf(appID)
	if a == nil || sp == nil {
		return fmt.Errorf("no app with an enterprise app for client id %s", appID)
	}
	a.Owners = append(a.Owners, sp.ID)
	return nil
}
