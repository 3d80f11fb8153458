package demotenant

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// maxBatchParts is how many requests one JSON batch may hold.
const maxBatchParts = 20

type batchRequest struct {
	Requests []batchPart `json:"requests"`
}

type batchPart struct {
	ID        string            `json:"id"`
	Method    string            `json:"method"`
	URL       string            `json:"url"`
	Headers   map[string]string `json:"headers"`
	Body      json.RawMessage   `json:"body"`
	DependsOn []string          `json:"dependsOn"`
}

type batchAnswer struct {
	ID      string            `json:"id"`
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers,omitempty"`
	Body    any               `json:"body,omitempty"`
}

// batchHandler answers POST /$batch: each part goes through api, the same
// routes as a request of its own, with the batch's caller. A part whose
// dependencies failed is answered 424 Failed Dependency.
func (s *Server) batchHandler(api http.Handler) func(*graphCall) error {
	return func(c *graphCall) error {
		var req batchRequest
		if err := c.decodeBody(&req); err != nil {
			return err
		}
		if err := checkBatch(req.Requests); err != nil {
			return err
		}
		status := map[string]int{}
		answers := make([]batchAnswer, 0, len(req.Requests))
		for _, part := range req.Requests {
			a := batchAnswer{ID: part.ID}
			if failedDependency(part, status) {
				a.Status = http.StatusFailedDependency
				a.Body = graphErrorBody{Error: graphErrorDetail{Code: "FailedDependency",
					Message: "The request was not run because a request it depends on failed."}}
			} else if s.throttlePart() {
				a = throttledPart(c, part)
			} else {
				a = runBatchPart(c, api, part)
			}
			status[part.ID] = a.Status
			answers = append(answers, a)
		}
		return c.writeJSON(http.StatusOK, map[string]any{"responses": answers})
	}
}

// throttlePart counts a part of a batch and says whether the
// ThrottleBatchPartEvery knob throttles it.
func (s *Server) throttlePart() bool {
	n := s.batchParts.Add(1)
	every := int64(s.opts.ThrottleBatchPartEvery)
	return every > 0 && n%every == 0
}

// throttledPart is Graph's answer to a part of a batch it throttles: 429
// with the Retry-After in the part's own headers.
func throttledPart(c *graphCall, part batchPart) batchAnswer {
	rec := &batchRecorder{header: http.Header{}, status: http.StatusOK}
	setRequestIDs(rec, c.r)
	rec.header.Set("Retry-After", strconv.Itoa(c.s.opts.RetryAfter))
	writeGraphError(rec, errThrottled)
	return rec.answer(part.ID)
}

func checkBatch(parts []batchPart) error {
	if len(parts) == 0 {
		return odata.BadRequest("Invalid batch payload format: the 'requests' array is missing or empty.")
	}
	if len(parts) > maxBatchParts {
		return odata.BadRequest("The batch holds %d requests; no more than %d requests can be sent in one batch.", len(parts), maxBatchParts)
	}
	seen := map[string]bool{}
	for _, p := range parts {
		if p.ID == "" || p.Method == "" || p.URL == "" {
			return odata.BadRequest("Invalid batch payload format: every request needs an id, a method and a url.")
		}
		if seen[p.ID] {
			return odata.BadRequest("Invalid batch payload format: the request id '%s' appears more than once.", p.ID)
		}
		for _, dep := range p.DependsOn {
			if !seen[dep] {
				return odata.BadRequest("Invalid batch payload format: request '%s' depends on '%s', which does not come before it.", p.ID, dep)
			}
		}
		seen[p.ID] = true
	}
	return nil
}

func failedDependency(p batchPart, status map[string]int) bool {
	for _, dep := range p.DependsOn {
		if status[dep] >= 400 {
			return true
		}
	}
	return false
}

// runBatchPart sends one part through api and records its answer.
func runBatchPart(c *graphCall, api http.Handler, part batchPart) batchAnswer {
	rec := &batchRecorder{header: http.Header{}, status: http.StatusOK}
	target, ok := batchTarget(part.URL, c.version)
	var body *bytes.Reader
	if len(part.Body) > 0 {
		body = bytes.NewReader(part.Body)
	} else {
		body = bytes.NewReader(nil)
	}
	sub, err := http.NewRequestWithContext(c.r.Context(), strings.ToUpper(part.Method), target, body)
	if err != nil || !ok {
		setRequestIDs(rec, c.r)
		writeGraphError(rec, odata.BadRequest("Invalid request URL '%s'.", part.URL))
		return rec.answer(part.ID)
	}
	for k, v := range part.Headers {
		sub.Header.Set(k, v)
	}
	setRequestIDs(rec, sub)
	api.ServeHTTP(rec, sub)
	return rec.answer(part.ID)
}

// batchTarget turns a part's url (relative, like /users?$top=5, or absolute)
// into a path below the version prefix. A nested $batch is refused.
func batchTarget(raw, version string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	p := u.Path
	if u.IsAbs() {
		var found bool
		if _, p, found = strings.Cut(p, version+"/"); !found {
			return "", false
		}
	}
	p = "/" + strings.TrimPrefix(p, "/")
	if p == "/$batch" {
		return "", false
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p, true
}

// batchRecorder collects the answer of one batch part.
type batchRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *batchRecorder) Header() http.Header         { return r.header }
func (r *batchRecorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *batchRecorder) WriteHeader(status int)      { r.status = status }

func (r *batchRecorder) answer(id string) batchAnswer {
	a := batchAnswer{ID: id, Status: r.status, Headers: map[string]string{}}
	for k := range r.header {
		a.Headers[k] = r.header.Get(k)
	}
	switch {
	case r.body.Len() == 0:
	case json.Valid(r.body.Bytes()):
		a.Body = json.RawMessage(bytes.TrimSpace(r.body.Bytes()))
	default:
		a.Body = r.body.String()
	}
	return a
}
