package keystore

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestValidateName(t *testing.T) {
	for _, c := range []struct {
		name    string
		wantErr string
	}{
		{"Contoso production", ""},
		{"Fabrikam / test (GCC High)", ""},
		{"Zürich tenant", ""},
		{strings.Repeat("a", MaxNameLength), ""},
		{"", "give the connection a name"},
		{"   ", "give the connection a name"},
		{strings.Repeat("a", MaxNameLength+1), "too long"},
		{" padded", "starts or ends with a space"},
		{"line\nbreak", "cannot be used"},
		{"tab\there", "cannot be used"},
		{"bell\a", "cannot be used"},
		{"bad\xffbytes", "not text"},
	} {
		err := ValidateName(c.name)
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("ValidateName(%q) = %v, want nil", c.name, err)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("ValidateName(%q) = %v, want an error saying %q", c.name, err, c.wantErr)
		}
	}
}

func TestSplitChunks(t *testing.T) {
	for _, c := range []struct {
		name  string
		in    string
		parts int
	}{
		{"empty", "", 1},
		{"exactly one chunk", strings.Repeat("a", chunkSize), 1},
		{"one byte over", strings.Repeat("a", chunkSize+1), 2},
		{"10 KB", strings.Repeat("a", 10*1024), 6},
		{"multi-byte runes across the boundary", strings.Repeat("a", chunkSize-1) + strings.Repeat("€", 10), 2},
	} {
		parts := splitChunks(c.in)
		if len(parts) != c.parts {
			t.Errorf("%s: %d parts, want %d", c.name, len(parts), c.parts)
		}
		checkChunks(t, c.in, parts)
	}
}

func FuzzSplitChunks(f *testing.F) {
	f.Add("short")
	f.Add(strings.Repeat("ü", chunkSize))
	f.Add(strings.Repeat("\xff", chunkSize+3))
	f.Fuzz(func(t *testing.T, s string) {
		checkChunks(t, s, splitChunks(s))
	})
}

func checkChunks(t *testing.T, in string, parts []string) {
	t.Helper()
	if strings.Join(parts, "") != in {
		t.Fatal("the parts do not join back into the value")
	}
	for i, p := range parts {
		if len(p) > chunkSize {
			t.Fatalf("part %d has %d bytes, over %d", i, len(p), chunkSize)
		}
		if utf8.ValidString(in) && !utf8.ValidString(p) {
			t.Fatalf("part %d splits a UTF-8 sequence", i)
		}
	}
}
