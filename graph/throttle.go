package graph

import (
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	khttp "github.com/microsoft/kiota-http-go"
)

// Graph answers 429 when it throttles, and 503 or 504 when it is busy,
// usually with a Retry-After. retryHandler takes the place of the SDK's
// RetryHandler in the middleware: it behaves the same (honours
// Retry-After, backs off exponentially without one, bounds the attempts
// and the total wait) but waits on the client's Clock, and it resends a
// request after 503 or 504, which Graph may have carried out, only when
// that is safe (see replayable). A 429 means Graph did not do it, so any
// request whose body can be read again is resent.

const (
	// defaultRetries bounds the resends of one request, as the SDK does.
	defaultRetries = 3
	// maxRetryWait bounds the total wait for one request.
	maxRetryWait = 180 * time.Second
	// firstBackoff is the wait before the first resend when Graph gives
	// no Retry-After; it doubles each time.
	firstBackoff = 3 * time.Second
)

// retryLimit is a request option that lets a request be resent more often
// than defaultRetries, for bulk changes that must complete.
type retryLimit struct{ resends int }

var retryLimitKey = abstractions.RequestOptionKey{Key: "entra-wizard.retryLimit"}

func (*retryLimit) GetKey() abstractions.RequestOptionKey { return retryLimitKey }

type retryHandler struct{ clock Clock }

func (h retryHandler) Intercept(p khttp.Pipeline, index int, req *http.Request) (*http.Response, error) {
	limit := defaultRetries
	if o, ok := req.Context().Value(retryLimitKey).(*retryLimit); ok {
		limit = o.resends
	}
	var waited time.Duration
	for attempt := 1; ; attempt++ {
		resp, err := p.Next(req, index)
		if err != nil || attempt > limit || waited >= maxRetryWait || !h.mayResend(req, resp) {
			return resp, err
		}
		delay := h.delay(resp, attempt)
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		_ = resp.Body.Close()
		if err := h.clock.Sleep(req.Context(), delay); err != nil {
			return nil, err
		}
		waited += delay
		if !rewind(req) {
			return nil, errCannotResend
		}
		req.Header.Set("Retry-Attempt", strconv.Itoa(attempt))
	}
}

// mayResend: throttled, or busy and safe to repeat; and the body can be
// read again.
func (h retryHandler) mayResend(req *http.Request, resp *http.Response) bool {
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		return rewindable(req)
	case http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return replayable(req)
	}
	return false
}

// delay is the Retry-After Graph asked for (seconds or a date), or else an
// exponential backoff with a little jitter.
func (h retryHandler) delay(resp *http.Response, attempt int) time.Duration {
	if v := strings.TrimSpace(resp.Header.Get("Retry-After")); v != "" {
		if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
			return time.Duration(s * float64(time.Second))
		}
		if t, err := http.ParseTime(v); err == nil {
			return max(t.Sub(h.clock.Now()), 0)
		}
	}
	return firstBackoff<<(attempt-1) + rand.N(time.Second)
}

// withRetryHandler replaces the SDK's RetryHandler in middleware with
// ours.
func withRetryHandler(middleware []khttp.Middleware, clock Clock) []khttp.Middleware {
	out := make([]khttp.Middleware, 0, len(middleware))
	for _, m := range middleware {
		switch m.(type) {
		case khttp.RetryHandler, *khttp.RetryHandler:
			continue
		}
		out = append(out, m)
	}
	return append([]khttp.Middleware{retryHandler{clock: clock}}, out...)
}
