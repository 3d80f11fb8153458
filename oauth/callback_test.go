package oauth

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

const testPort = 50123

// callbackUnderTest is a callback whose code redemption counts its calls.
func callbackUnderTest(state string) (*callback, *int) {
	redeemed := new(int)
	cb := newCallback(state, testPort, func(code string) (*oauth2.Token, error) {
		*redeemed++
		return &oauth2.Token{AccessToken: "at-for-" + code}, nil
	})
	return cb, redeemed
}

// browserRequest is a request as the browser on this computer sends it.
func browserRequest(query string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, "http://localhost:50123/?"+query, nil)
	r.RemoteAddr = "127.0.0.1:61000"
	return r
}

func serve(cb *callback, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	cb.ServeHTTP(w, r)
	return w
}

func TestCallbackAcceptsOneAnswer(t *testing.T) {
	cb, redeemed := callbackUnderTest("s1")
	first := serve(cb, browserRequest("code=c1&state=s1"))
	if first.Code != http.StatusOK || !strings.Contains(first.Body.String(), "You are signed in") {
		t.Fatalf("first answer: %d %q", first.Code, first.Body)
	}
	r := <-cb.done
	if r.err != nil || r.tok.AccessToken != "at-for-c1" {
		t.Errorf("result = %+v", r)
	}
	second := serve(cb, browserRequest("code=c2&state=s1"))
	if second.Code != http.StatusConflict || !strings.Contains(second.Body.String(), "already finished") {
		t.Errorf("second answer: %d %q", second.Code, second.Body)
	}
	if *redeemed != 1 {
		t.Errorf("redeemed %d codes, want 1", *redeemed)
	}
	select {
	case extra := <-cb.done:
		t.Errorf("a second result was delivered: %+v", extra)
	default:
	}
}

func TestCallbackIgnoresRequestsFromElsewhere(t *testing.T) {
	cb, redeemed := callbackUnderTest("s1")
	remote := browserRequest("code=c1&state=s1")
	remote.RemoteAddr = "192.0.2.7:5555" // another machine
	rebound := browserRequest("code=c1&state=s1")
	rebound.Host = "attacker.example:50123" // a web page reaching us through DNS rebinding
	otherPort := browserRequest("code=c1&state=s1")
	otherPort.Host = "localhost:1"
	for _, r := range []*http.Request{remote, rebound, otherPort} {
		if w := serve(cb, r); w.Code != http.StatusForbidden {
			t.Errorf("request from %s to %s: %d, want 403", r.RemoteAddr, r.Host, w.Code)
		}
	}
	for _, path := range []string{"/favicon.ico", "/"} {
		r := httptest.NewRequest(http.MethodGet, "http://localhost:50123"+path, nil)
		r.RemoteAddr = "[::1]:61000"
		if w := serve(cb, r); w.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, w.Code)
		}
	}
	if *redeemed != 0 || cb.accepted.Load() {
		t.Fatal("a refused request had an effect")
	}
	ipHost := browserRequest("code=c1&state=s1")
	ipHost.Host = "127.0.0.1:50123"
	if w := serve(cb, ipHost); w.Code != http.StatusOK {
		t.Errorf("the real answer after refused ones: %d", w.Code)
	}
}

func TestCallbackStateChecks(t *testing.T) {
	tests := map[string]string{
		"missing state":          "code=c1",
		"wrong state":            "code=c1&state=s2",
		"empty state":            "code=c1&state=",
		"error, bad state":       "error=access_denied&state=s2",
		"state differs a little": "code=c1&state=s1x",
	}
	for name, query := range tests {
		t.Run(name, func(t *testing.T) {
			cb, redeemed := callbackUnderTest("s1")
			w := serve(cb, browserRequest(query))
			if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "does not belong") {
				t.Errorf("%d %q", w.Code, w.Body)
			}
			select {
			case r := <-cb.done:
				t.Fatalf("a stray answer ended the sign-in: %v", r.err)
			default:
			}
			if *redeemed != 0 {
				t.Fatalf("a stray answer's code was redeemed")
			}
			// The sign-in goes on waiting, and takes the real answer.
			if w := serve(cb, browserRequest("code=c1&state=s1")); w.Code != http.StatusOK {
				t.Fatalf("the real answer after a stray one: %d %q", w.Code, w.Body)
			}
			if r := <-cb.done; r.err != nil || r.tok.AccessToken != "at-for-c1" {
				t.Errorf("result after a stray answer = %+v", r)
			}
		})
	}
}

func TestCallbackFloodOfStrayAnswersEndsTheAttempt(t *testing.T) {
	cb, redeemed := callbackUnderTest("s1")
	for i := range maxStrayAnswers {
		serve(cb, browserRequest("code=c&state=guess"+strconv.Itoa(i)))
	}
	r := <-cb.done
	if !errors.Is(r.err, ErrStateMismatch) || *redeemed != 0 {
		t.Fatalf("after %d stray answers: result %v, redeemed %d; want ErrStateMismatch", maxStrayAnswers, r.err, *redeemed)
	}
	if w := serve(cb, browserRequest("code=c1&state=s1")); w.Code != http.StatusConflict {
		t.Errorf("an answer after the attempt ended: %d", w.Code)
	}
}

func TestCallbackEntraErrorPageIsEscaped(t *testing.T) {
	cb, _ := callbackUnderTest("s1")
	q := url.Values{"state": {"s1"}, "error": {"invalid_request"},
		"error_description": {"AADSTS50011: <script>alert(1)</script> redirect mismatch"}}
	w := serve(cb, browserRequest(q.Encode()))
	body := w.Body.String()
	if strings.Contains(body, "<script>") || !strings.Contains(body, "&lt;script&gt;") {
		t.Errorf("Entra's text was not escaped: %q", body)
	}
	if !strings.Contains(body, "http://localhost") {
		t.Error("the failure page lacks the hint for AADSTS50011")
	}
	if w.Header().Get("Cache-Control") != "no-store" {
		t.Error("the page may be cached")
	}
	if r := <-cb.done; r.err == nil {
		t.Error("an Entra error ended as a success")
	}
}

func FuzzParseCallback(f *testing.F) {
	f.Add("code=c&state=s", "s")
	f.Add("error=access_denied&error_description=AADSTS65004:+no&state=s", "s")
	f.Add("code=&state=s", "s")
	f.Add("code=c&state=S", "s")
	f.Add("state=s&state=t&code=c", "t")
	f.Fuzz(func(t *testing.T, query, state string) {
		q, err := url.ParseQuery(query)
		if err != nil || state == "" {
			return
		}
		code, err := parseCallback(q, state)
		if err != nil {
			if code != "" {
				t.Fatalf("parseCallback(%q) = %q with error %v", query, code, err)
			}
			if q.Get("state") != state && !errors.Is(err, ErrStateMismatch) {
				t.Fatalf("parseCallback(%q, %q) = %v, want ErrStateMismatch", query, state, err)
			}
			return
		}
		if q.Get("state") != state || q.Get("error") != "" || code != q.Get("code") || code == "" {
			t.Fatalf("parseCallback(%q, %q) accepted code %q", query, state, code)
		}
	})
}
