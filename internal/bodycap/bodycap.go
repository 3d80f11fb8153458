// Package bodycap bounds how much of an HTTP answer the program reads, so a
// server (or something in its place) that sends an endless or huge body
// cannot make the program hold it all in memory; the read fails with an
// error that says what happened instead.
package bodycap

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

// ErrTooLarge means an answer was larger than the program accepts from that
// service.
var ErrTooLarge = errors.New("the answer is too large")

// Transport is an http.RoundTripper whose answers' bodies fail to read past
// Limit bytes.
type Transport struct {
	// Next sends the requests; nil means http.DefaultTransport.
	Next http.RoundTripper
	// Limit is the most bytes of one answer's body that are read.
	Limit int64
	// Service names who answers, for the error: "Microsoft Graph".
	Service string
}

// RoundTrip sends req and caps the body of its answer.
func (t Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	next := t.Next
	if next == nil {
		next = http.DefaultTransport
	}
	resp, err := next.RoundTrip(req)
	if err != nil || resp.Body == nil {
		return resp, err
	}
	tooLarge := fmt.Errorf("%w: %s at %s sent more than %s for one answer, far more than it ever needs; "+
		"stopped reading it. A proxy or the service is at fault; try again later",
		ErrTooLarge, t.Service, req.URL.Host, size(t.Limit))
	b := &body{rc: resp.Body, left: t.Limit, tooLarge: tooLarge}
	if resp.ContentLength > t.Limit {
		b.failed = true // said so up front: read none of it
	}
	resp.Body = b
	return resp, nil
}

// body reads at most left more bytes of rc; a byte beyond them is an error.
type body struct {
	rc       io.ReadCloser
	left     int64
	tooLarge error
	failed   bool
}

func (b *body) Read(p []byte) (int, error) {
	if b.failed {
		return 0, b.tooLarge
	}
	if len(p) == 0 {
		return 0, nil
	}
	if b.left <= 0 {
		// The limit is reached: it is an error only if more follows.
		var probe [1]byte
		n, err := b.rc.Read(probe[:])
		if n > 0 {
			b.failed = true
			return 0, b.tooLarge
		}
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *body) Close() error { return b.rc.Close() }

// size says n bytes in the unit an administrator reads most easily.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
