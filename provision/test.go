package provision

import (
	"context"
	"fmt"
	"strings"

	"github.com/entra-wizard/entra-wizard/connection"
)

// attempt is the new connection to test, with its secret or its
// certificate's key.
func (st *State) attempt(onURL func(string)) connection.Attempt {
	sec := st.secrets()
	return connection.Attempt{Profile: st.profile(), Secret: sec.ClientSecret, CertificateKey: sec.CertificateKey,
		OnURL: onURL, AllowCustom: st.Request.AllowCustom}
}

// test runs the normal connection test through the connection engine,
// signed in as the new app (with its secret, or through the browser, the
// admin signing in once more, this time to the new app), keeps the newest
// refresh token to save, and asks that every chosen feature works.
func (s *Setup) test(ctx context.Context, st *State) error {
	r := st.Request
	res := s.engine().Test(ctx, st.attempt(s.deps.OnURL))
	st.report, st.refresh = res.Report, res.RefreshToken
	if st.report.Err != nil {
		return st.report.Err
	}
	var failing []string
	for _, f := range r.Features {
		if !st.report.Allows(f) {
			failing = append(failing, string(f))
		}
	}
	if len(failing) > 0 {
		return fmt.Errorf("the connection works, but not for %s", strings.Join(failing, ", "))
	}
	return nil
}
