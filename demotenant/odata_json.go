package demotenant

import (
	"bytes"
	"encoding/json"
	"net/http"
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
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(f.Key)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		val, err := json.Marshal(f.Value)
		if err != nil {
			return nil, err
		}
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
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
	body, err := json.Marshal(v)
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

// decodeBody reads the request's JSON body into v; malformed JSON is
// Graph's BadRequest.
func (c *graphCall) decodeBody(v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(c.w, c.r.Body, 1<<20))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return errBadRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.")
	}
	return nil
}
