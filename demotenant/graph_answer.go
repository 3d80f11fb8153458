package demotenant

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// writeJSON answers with status and v as Graph's JSON.
func (c *graphCall) writeJSON(status int, v any) error {
	var body []byte
	var err error
	if o, ok := v.(odata.Object); ok {
		body, err = o.AppendJSON(make([]byte, 0, 4096))
	} else {
		body, err = json.Marshal(v)
	}
	if err != nil {
		return err
	}
	c.w.Header().Set("Content-Type", graphJSONType)
	c.w.WriteHeader(status)
	_, _ = c.w.Write(body)
	return nil
}

// noContent answers 204 No Content, as Graph does for updates and deletes.
func (c *graphCall) noContent() error {
	c.w.WriteHeader(http.StatusNoContent)
	return nil
}

// contextURL is the @odata.context of an answer, e.g. "$metadata#users".
func (c *graphCall) contextURL(fragment string) string {
	return c.s.baseURL + c.version + "/$metadata#" + fragment
}

// decodeBody reads the request's JSON body into v, gzip-compressed or not
// (Graph's SDKs compress request bodies); malformed JSON is Graph's
// BadRequest.
func (c *graphCall) decodeBody(v any) error {
	errPayload := odata.BadRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.")
	body := io.Reader(http.MaxBytesReader(c.w, c.r.Body, 1<<20))
	if strings.EqualFold(c.r.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(body)
		if err != nil {
			return errPayload
		}
		defer zr.Close()
		body = io.LimitReader(zr, 4<<20)
	}
	dec := json.NewDecoder(body)
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return errPayload
	}
	return nil
}

// writeList answers a collection request with one page of items, in
// Graph's shape: @odata.context, @odata.count when asked (on the first page
// only, as Graph sends it for directory objects), @odata.nextLink
// when more pages follow, and value. withType adds @odata.type to each
// object, as Graph does in lists that may mix types.
func (c *graphCall) writeList(items []odata.Entity, q *odata.ListQuery, context string, withType bool) error {
	p := odata.Paginate(items, q)
	if len(q.Select) > 0 && !strings.Contains(context, "(") {
		context += "(" + strings.Join(q.Select, ",") + ")"
	}
	out := odata.Object{{"@odata.context", c.contextURL(context)}}
	if q.Count && q.After == nil {
		out = append(out, odata.Field{"@odata.count", p.Total})
	}
	if p.Next != nil {
		out = append(out, odata.Field{"@odata.nextLink", c.nextLink(*p.Next)})
	}
	values := make([]odata.Object, 0, len(p.Items))
	for _, e := range p.Items {
		values = append(values, odata.Render(e, q.Select, withType))
	}
	out = append(out, odata.Field{"value", values})
	return c.writeJSON(http.StatusOK, out)
}

// nextLink is the request's own URL with the next page's $skiptoken.
func (c *graphCall) nextLink(t odata.PageToken) string {
	v := c.r.URL.Query()
	v.Set("$skiptoken", t.Encode())
	return c.s.baseURL + c.version + c.r.URL.Path + "?" + v.Encode()
}
