package odata

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// Field is one property of an Object. It names an unnamed struct type, so
// objects are written as plain {"key", value} literals wherever Graph's
// answers are built.
type Field = struct {
	Key   string
	Value any
}

// Object is a JSON object that keeps its properties in the order given,
// as Graph's answers do: "@odata.context" first, "value" after it.
type Object []Field

// MarshalJSON writes the properties in order.
func (o Object) MarshalJSON() ([]byte, error) {
	return o.AppendJSON(nil)
}

// AppendJSON appends o's JSON to b. Nested objects are written in place
// rather than through json.Marshal, which would check each nested level's
// output again: pages of 999 users stay cheap.
func (o Object) AppendJSON(b []byte) ([]byte, error) {
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
	case Object:
		return v.AppendJSON(b)
	case []Object:
		b = append(b, '[')
		for i, o := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = o.AppendJSON(b); err != nil {
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

// Get returns the value of key, or nil.
func (o Object) Get(key string) any {
	for _, f := range o {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}
