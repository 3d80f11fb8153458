package userimport

import (
	"bytes"
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrEncoding says the file is neither UTF-8 nor UTF-16 with a byte order
// mark, so its letters cannot be read for sure.
var ErrEncoding = errors.New("the file is not saved as UTF-8 or Unicode text: " +
	"letters such as é or ü would come out wrong. In Excel, save it again as \"CSV UTF-8 (Comma delimited)\" " +
	"or as \"Unicode Text\"")

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decode turns the file's bytes into text: UTF-8 with or without a byte
// order mark, or UTF-16 (little or big endian) with one, as Excel's
// "Unicode Text" is. Anything else (ISO-8859-1 or Windows-1252 from an
// older "CSV" save, UTF-16 without a mark) is refused rather than guessed.
func decode(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeUTF16(data[2:], func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 })
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(data[2:], func(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) })
	}
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return "", ErrEncoding
	}
	return string(data), nil
}

func decodeUTF16(data []byte, unit func([]byte) uint16) (string, error) {
	if len(data)%2 != 0 {
		return "", ErrEncoding
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = unit(data[2*i:])
	}
	return string(utf16.Decode(units)), nil
}
