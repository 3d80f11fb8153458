package oauth

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"

	"golang.org/x/oauth2"
)

// errNoCode is a sign-in answer with neither a code nor an error.
var errNoCode = errors.New("the sign-in answer carried no authorization code; try again")

// errTooManyStrays ends a sign-in that kept receiving answers for other
// attempts.
var errTooManyStrays = fmt.Errorf("%w (%d answers that did not belong to it arrived; something on this computer may be interfering)", ErrStateMismatch, maxStrayAnswers)

// loginResult is how a sign-in ended: a token or an error.
type loginResult struct {
	tok *oauth2.Token
	err error
}

// maxStrayAnswers is how many answers with a missing or wrong state a
// sign-in refuses while it goes on waiting for the right one. Any page on
// this computer can find the port and send one; only a flood of them ends
// the attempt.
const maxStrayAnswers = 20

// callback receives the browser's redirect after sign-in. It accepts one
// answer only, from this computer, addressed to its own port, carrying this
// attempt's state; everything else gets a page and changes nothing.
type callback struct {
	state  string
	hosts  [2]string // the Host headers a browser sends to our port
	redeem func(code string) (*oauth2.Token, error)

	accepted atomic.Bool
	strays   atomic.Int32
	done     chan loginResult // gets exactly one result
}

func newCallback(state string, port int, redeem func(code string) (*oauth2.Token, error)) *callback {
	p := strconv.Itoa(port)
	return &callback{
		state:  state,
		hosts:  [2]string{"localhost:" + p, "127.0.0.1:" + p},
		redeem: redeem,
		done:   make(chan loginResult, 1),
	}
}

func (c *callback) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !fromLoopback(r.RemoteAddr) || (r.Host != c.hosts[0] && r.Host != c.hosts[1]) {
		writePage(w, http.StatusForbidden, refusedPage)
		return
	}
	q := r.URL.Query()
	if r.Method != http.MethodGet || r.URL.Path != "/" || !isSignInAnswer(q) {
		writePage(w, http.StatusNotFound, idlePage)
		return
	}
	if !stateMatches(q, c.state) {
		writePage(w, http.StatusBadRequest, strayPage)
		if c.strays.Add(1) == maxStrayAnswers && c.accepted.CompareAndSwap(false, true) {
			c.done <- loginResult{err: errTooManyStrays}
		}
		return
	}
	if !c.accepted.CompareAndSwap(false, true) {
		writePage(w, http.StatusConflict, repeatPage)
		return
	}
	tok, err := c.complete(q)
	if err != nil {
		writePage(w, http.StatusBadRequest, failurePage(err))
	} else {
		writePage(w, http.StatusOK, successPage)
	}
	c.done <- loginResult{tok: tok, err: err}
}

// complete checks the answer and redeems its code.
func (c *callback) complete(q url.Values) (*oauth2.Token, error) {
	code, err := parseCallback(q, c.state)
	if err != nil {
		return nil, err
	}
	return c.redeem(code)
}

// isSignInAnswer tells a redirect from Entra apart from other requests a
// browser makes (a bare visit, a prefetch).
func isSignInAnswer(q url.Values) bool {
	return q.Has("code") || q.Has("error") || q.Has("state")
}

// parseCallback returns the code of a sign-in answer whose state matches,
// or the error Entra sent instead. The state is checked first: an answer
// that does not belong to this attempt is refused, even an error.
func parseCallback(q url.Values, state string) (string, error) {
	if !stateMatches(q, state) {
		return "", ErrStateMismatch
	}
	if e := errorFromCallback(q); e != nil {
		return "", e
	}
	code := q.Get("code")
	if code == "" {
		return "", errNoCode
	}
	return code, nil
}

func stateMatches(q url.Values, state string) bool {
	got := q.Get("state")
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(state)) == 1
}

// fromLoopback reports whether a request's remote address is this computer.
func fromLoopback(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
