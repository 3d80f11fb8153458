package oauth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// errNoRefreshToken means a browser sign-in's token cannot be renewed.
var errNoRefreshToken = errors.New("the saved sign-in has no refresh token; sign in with the browser again")

// maxTokenAnswer bounds how much of a token endpoint's answer is read. An
// answer holds an access token, a refresh token and an ID token, each a few
// KiB (a token carries at most 200 group IDs before Entra switches to an
// overage claim); 256 KiB is many times that. It is below the 1 MiB at which
// the oauth2 package stops reading without saying why, so a larger answer
// fails with a clear error instead of as unreadable JSON.
const maxTokenAnswer = 256 << 10

// RefreshTokenSource returns a source of delegated tokens that starts from
// tok (which may hold only a refresh token) and renews it with cfg's client
// and scopes when it expires. Entra may answer with a new refresh token and
// retire the old one: onRotate, if set, is then called with the new token
// (synchronously, before Token returns) so it can be saved. ctx is used for
// every renewal and must live as long as the source; errors from Entra come
// back as *Error.
func RefreshTokenSource(ctx context.Context, cfg LoopbackLogin, tok *oauth2.Token, onRotate func(*oauth2.Token)) oauth2.TokenSource {
	if tok == nil {
		tok = &oauth2.Token{}
	}
	return &refreshingSource{ctx: withHTTPClient(ctx, cfg.HTTPClient), cfg: cfg, tok: tok, onRotate: onRotate}
}

type refreshingSource struct {
	ctx      context.Context
	cfg      LoopbackLogin
	onRotate func(*oauth2.Token)

	mu  sync.Mutex // guards tok
	tok *oauth2.Token
}

func (s *refreshingSource) Token() (*oauth2.Token, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tok.Valid() {
		return s.tok, nil
	}
	if s.tok.RefreshToken == "" {
		return nil, errNoRefreshToken
	}
	next, err := s.cfg.refresh(s.ctx, s.tok.RefreshToken)
	if err != nil {
		return nil, err
	}
	rotated := next.RefreshToken != "" && next.RefreshToken != s.tok.RefreshToken
	if next.RefreshToken == "" {
		next.RefreshToken = s.tok.RefreshToken // Entra kept the old one
	}
	s.tok = next
	if rotated && s.onRotate != nil {
		s.onRotate(next)
	}
	return next, nil
}

// refresh redeems a refresh token. Entra wants the scopes again on renewal,
// which oauth2's own refresher does not send, hence this request.
func (l LoopbackLogin) refresh(ctx context.Context, refreshToken string) (*oauth2.Token, error) {
	tokenURL := l.TokenURL(l.Tenant)
	if err := checkTransportURL(tokenURL); err != nil {
		return nil, err
	}
	form := url.Values{
		"grant_type":    {"refresh_token"},
		"client_id":     {l.ClientID},
		"refresh_token": {refreshToken},
		"scope":         {strings.Join(l.Scopes, " ")},
	}
	if l.Secret != "" {
		form.Set("client_secret", l.Secret)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, fmt.Errorf("renewing the sign-in: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	client := http.DefaultClient
	if c, ok := ctx.Value(oauth2.HTTPClient).(*http.Client); ok && c != nil {
		client = c
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("renewing the sign-in: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("renewing the sign-in: reading the answer: %w", err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, decodeErrorBody(resp.StatusCode, body)
	}
	return parseTokenAnswer(body, time.Now())
}

// tokenAnswer is a successful token endpoint answer.
type tokenAnswer struct {
	AccessToken  string          `json:"access_token"`
	TokenType    string          `json:"token_type"`
	RefreshToken string          `json:"refresh_token"`
	ExpiresIn    json.RawMessage `json:"expires_in"` // a number, or a string in older answers
	Scope        string          `json:"scope"`
	IDToken      string          `json:"id_token"`
}

func parseTokenAnswer(body []byte, now time.Time) (*oauth2.Token, error) {
	var a tokenAnswer
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, fmt.Errorf("renewing the sign-in: the answer is not JSON: %w", err)
	}
	if a.AccessToken == "" {
		return nil, errors.New("renewing the sign-in: the answer has no access token")
	}
	tok := &oauth2.Token{AccessToken: a.AccessToken, TokenType: a.TokenType, RefreshToken: a.RefreshToken}
	if secs, err := strconv.ParseInt(strings.Trim(string(a.ExpiresIn), `"`), 10, 64); err == nil && secs > 0 {
		tok.ExpiresIn = secs
		tok.Expiry = now.Add(time.Duration(secs) * time.Second)
	}
	return tok.WithExtra(map[string]any{"scope": a.Scope, "id_token": a.IDToken}), nil
}
