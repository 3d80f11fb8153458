package demotenant

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// jsonField is one property of a jsonObject.
type jsonField struct {
	Key   string
	Value any
}

// jsonObject is a JSON object that keeps its properties in the order given,
// as Graph's answers do: "@odata.context" first, "value" after it.
type jsonObject []jsonField

// MarshalJSON writes the properties in order.
func (o jsonObject) MarshalJSON() ([]byte, error) {
	return o.appendJSON(nil)
}

// appendJSON appends o's JSON to b. Nested objects are written in place
// rather than through json.Marshal, which would check each nested level's
// output again: pages of 999 users stay cheap.
func (o jsonObject) appendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	for i, f := range o {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = appendJSONValue(b, f.Key); err != nil {
			return nil, err
		}
		b = append(b, ':')
		if b, err = appendJSONValue(b, f.Value); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

func appendJSONValue(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case string:
		if utf8.ValidString(v) {
			return appendJSONString(b, v), nil
		}
	case jsonObject:
		return v.appendJSON(b)
	case []jsonObject:
		b = append(b, '[')
		for i, o := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = o.appendJSON(b); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	}
	raw, err := json.Marshal(v)
	return append(b, raw...), err
}

// appendJSONString appends s, valid UTF-8, as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// get returns the value of key, or nil.
func (o jsonObject) get(key string) any {
	for _, f := range o {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

// writeJSON answers with status and v as Graph's JSON.
func (c *graphCall) writeJSON(status int, v any) error {
	var body []byte
	var err error
	if o, ok := v.(jsonObject); ok {
		body, err = o.appendJSON(make([]byte, 0, 4096))
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
	errPayload := errBadRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.")
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
