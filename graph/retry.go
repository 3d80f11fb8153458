package graph

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync/atomic"
	"time"
)

// A dropped connection (reset, closed without an answer) is common on real
// networks and must not fail a whole connection test, export or bulk run.
// Requests that are safe to send again are resent a few times, with a short
// pause; the others fail as before.

// dropRetries bounds the resends of one request after dropped connections.
const dropRetries = 3

// dropPause is the pause before the first resend; it doubles each time.
const dropPause = 100 * time.Millisecond

var errCannotResend = errors.New("graph: the request cannot be sent again")

type resendSafeKey struct{}

// resends counts how often requests made with a context were sent again.
type resends struct{ n atomic.Int32 }

func (r *resends) happened() bool { return r != nil && r.n.Load() > 0 }

// resendSafe marks requests whose repetition does no harm even though
// their method is POST or PATCH: a $batch of removals, or adding members
// where "already a member" counts as done. The returned counter tells
// whether any was sent again.
func resendSafe(ctx context.Context) (context.Context, *resends) {
	r := &resends{}
	return context.WithValue(ctx, resendSafeKey{}, r), r
}

// resendDropped is the bottom of the middleware: it resends a request whose
// connection dropped, when that is safe, pausing on clock.
type resendDropped struct {
	next  http.RoundTripper
	clock Clock
}

func (d resendDropped) RoundTrip(req *http.Request) (*http.Response, error) {
	if !replayable(req) {
		return d.next.RoundTrip(req)
	}
	pause := dropPause
	for attempt := 0; ; attempt++ {
		if attempt > 0 && !rewind(req) {
			return nil, errCannotResend
		}
		resp, err := d.next.RoundTrip(req)
		if err == nil || attempt == dropRetries || req.Context().Err() != nil {
			return resp, err
		}
		if d.clock.Sleep(req.Context(), pause) != nil {
			return resp, err
		}
		pause *= 2
		if r, ok := req.Context().Value(resendSafeKey{}).(*resends); ok {
			r.n.Add(1)
		}
	}
}

// replayable: idempotent methods, and POSTs marked with resendSafe, whose
// body can be read again.
func replayable(req *http.Request) bool {
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodDelete, http.MethodPut:
	case http.MethodPost, http.MethodPatch:
		if _, safe := req.Context().Value(resendSafeKey{}).(*resends); !safe {
			return false
		}
	default:
		return false
	}
	return rewindable(req)
}

// rewindable: the request's body can be read again from the start.
func rewindable(req *http.Request) bool {
	if req.Body == nil || req.Body == http.NoBody || req.GetBody != nil {
		return true
	}
	_, ok := req.Body.(io.Seeker)
	return ok
}

// rewind makes the request's body readable from the start again.
func rewind(req *http.Request) bool {
	switch {
	case req.Body == nil || req.Body == http.NoBody:
		return true
	case req.GetBody != nil:
		body, err := req.GetBody()
		if err != nil {
			return false
		}
		req.Body = body
		return true
	}
	s, ok := req.Body.(io.Seeker)
	return ok && func() bool { _, err := s.Seek(0, io.SeekStart); return err == nil }()
}
