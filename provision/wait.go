package provision

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/oauth"
)

// DefaultMaxWait is how long setup waits for Entra to know a new app and
// its secret; Microsoft says seconds to a few minutes.
const DefaultMaxWait = 5 * time.Minute

// Backoff bounds between attempts while waiting.
const (
	firstRetry = time.Second
	maxRetry   = 10 * time.Second
)

// Clock tells the time and waits; tests give one that only pretends.
type Clock interface {
	Now() time.Time
	// Sleep waits d, or returns ctx's error if ctx ends first.
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ErrStillReplicating ends a wait that reached Deps.MaxWait: continuing
// waits again.
var ErrStillReplicating = errors.New("the app is not ready in Microsoft Entra yet")

// Codes Entra answers while a new app, secret or certificate replicates.
const (
	codeAppNotFound   = "AADSTS700016"
	codeInvalidSecret = "AADSTS7000215"
	// codeUnknownKey is a certificate Entra does not know (yet).
	codeUnknownKey = "AADSTS700027"
)

// wait retries until Entra issues the new app's tokens: for a secret, a
// token that carries every granted permission; for a public client, until
// the app is known. It backs off from one second to ten.
func (s *Setup) wait(ctx context.Context, st *State) error {
	start := s.deps.Clock.Now()
	delay := firstRetry
	for attempt := 1; ; attempt++ {
		code, err := s.probe(ctx, st)
		if err != nil || code == "" {
			return err
		}
		elapsed := s.deps.Clock.Now().Sub(start)
		s.progress(Progress{Step: StepWait, Elapsed: elapsed, Attempt: attempt, Code: code})
		if elapsed+delay > s.deps.MaxWait {
			return fmt.Errorf("%w (waited %s; Entra still answers %s)", ErrStillReplicating, elapsed.Round(time.Second), code)
		}
		if err := s.deps.Clock.Sleep(ctx, delay); err != nil {
			return err
		}
		delay = min(2*delay, maxRetry)
	}
}

// probe asks for a token once. It returns the AADSTS code that means "not
// yet", "" when the app works, or an error that waiting will not cure.
func (s *Setup) probe(ctx context.Context, st *State) (string, error) {
	r := st.Request
	if r.Method == MethodBrowser {
		return s.probePublicClient(ctx, st)
	}
	claims, err := s.engine().AppClaims(ctx, st.attempt(nil))
	if e, ok := oauth.AsError(err); ok && (e.Code == codeAppNotFound || e.Code == codeInvalidSecret || e.Code == codeUnknownKey && r.Method == MethodCertificate) {
		return e.Code, nil
	}
	if err != nil {
		return "", err
	}
	for _, p := range st.Created.Granted {
		if !slices.Contains(claims.Roles, p) {
			return "roles", nil // granted, but not in the tokens yet
		}
	}
	return "", nil
}

// probePublicClient asks for an app-only token without a secret: Entra
// refuses, with AADSTS700016 while it does not know the app and with
// another code once it does. No secret or user is involved.
func (s *Setup) probePublicClient(ctx context.Context, st *State) (string, error) {
	r := st.Request
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {st.Created.AppID},
		"scope": {r.Endpoints.GraphScope()}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.Endpoints.TokenURL(st.TenantID), strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	client := s.deps.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var body struct {
		Codes []int `json:"error_codes"`
	}
	_ = json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&body)
	if slices.Contains(body.Codes, 700016) {
		return codeAppNotFound, nil
	}
	return "", nil
}
