package oauth

import (
	"strings"
	"testing"
)

func TestParseTenant(t *testing.T) {
	tests := []struct {
		in, want string
		errHas   string // part of the message when the input is refused
	}{
		{"72F988BF-86F1-41AF-91AB-2D7CD011DB47", "72f988bf-86f1-41af-91ab-2d7cd011db47", ""},
		{"  contoso.onmicrosoft.com\n", "contoso.onmicrosoft.com", ""},
		{"Contoso.COM", "contoso.com", ""},
		{"sub.contoso-corp.co.uk", "sub.contoso-corp.co.uk", ""},
		{"", "", "Directory (tenant) ID"},
		{"   ", "", "Directory (tenant) ID"},
		{"contoso", "", "contoso.onmicrosoft.com"},
		{"72f988bf-86f1-41af-91ab-2d7cd011db4", "", "tenant ID like"},
		{"https://login.microsoftonline.com/contoso.onmicrosoft.com", "", "web address"},
		{"contoso.onmicrosoft.com/", "", "web address"},
		{"-contoso.com", "", "tenant ID like"},
		{"contoso..com", "", "tenant ID like"},
		{"10.0.0.1", "", "tenant ID like"},
		{"con toso.com", "", "tenant ID like"},
		{"common", "", "only for browser sign-in"},
		{"Organizations", "", "only for browser sign-in"},
		{"consumers", "", "personal Microsoft accounts"},
	}
	for _, tt := range tests {
		got, err := ParseTenant(tt.in)
		if tt.errHas == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParseTenant(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.errHas) {
			t.Errorf("ParseTenant(%q) = %q, %v; want an error mentioning %q", tt.in, got, err, tt.errHas)
		}
	}
}

func TestParseSignInTenantAllowsMultiTenantNames(t *testing.T) {
	for _, in := range []string{"organizations", " Common "} {
		got, err := ParseSignInTenant(in)
		if err != nil || got != strings.ToLower(strings.TrimSpace(in)) {
			t.Errorf("ParseSignInTenant(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseSignInTenant("consumers"); err == nil {
		t.Error("ParseSignInTenant(consumers) accepted personal accounts")
	}
}

func TestParseClientID(t *testing.T) {
	tests := []struct {
		in, want string
		errHas   string
	}{
		{"00000003-0000-0000-C000-000000000000", "00000003-0000-0000-c000-000000000000", ""},
		{"\t11111111-2222-3333-4444-555555555555 ", "11111111-2222-3333-4444-555555555555", ""},
		{"", "", "Application (client) ID"},
		{"not-a-guid", "", "should look like 00000000-0000-0000-0000-000000000000"},
		{"{11111111-2222-3333-4444-555555555555}", "", "should look like"},
		{"11111111222233334444555555555555", "", "should look like"},
		{"g1111111-2222-3333-4444-555555555555", "", "should look like"},
		{"abc8Q~defghijklmnopqrstuvwxyz0123456789AB", "", "looks like a client secret"},
	}
	for _, tt := range tests {
		got, err := ParseClientID(tt.in)
		if tt.errHas == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParseClientID(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.errHas) {
			t.Errorf("ParseClientID(%q) = %q, %v; want an error mentioning %q", tt.in, got, err, tt.errHas)
		}
	}
}

func TestLooksLikeSecretID(t *testing.T) {
	tests := map[string]bool{
		"6f1e2c3d-4b5a-4c7d-8e9f-0a1b2c3d4e5f":      true,
		" 6F1E2C3D-4B5A-4C7D-8E9F-0A1B2C3D4E5F\n":   true,
		"abc8Q~defghijklmnopqrstuvwxyz0123456789AB": false,
		"": false,
	}
	for in, want := range tests {
		if got := LooksLikeSecretID(in); got != want {
			t.Errorf("LooksLikeSecretID(%q) = %v, want %v", in, got, want)
		}
	}
}

// checkParsed holds for every value a parser accepts: it is trimmed,
// lower case, free of spaces and slashes, and parsing it again gives it back.
func checkParsed(t *testing.T, parse func(string) (string, error), in, got string) {
	t.Helper()
	if got == "" || got != strings.ToLower(got) || strings.ContainsAny(got, " \t\r\n/?#%@:") {
		t.Fatalf("parse(%q) accepted %q", in, got)
	}
	again, err := parse(got)
	if err != nil || again != got {
		t.Fatalf("parse(%q) = %q, %v; not stable", got, again, err)
	}
}

func FuzzParseTenant(f *testing.F) {
	for _, s := range []string{"contoso.onmicrosoft.com", "72f988bf-86f1-41af-91ab-2d7cd011db47",
		"common", "", " x.y ", "a..b", "https://x/y", "ÄÖ.com", "1.2.3.4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseTenant(in)
		if err != nil {
			if got != "" || err.Error() == "" {
				t.Fatalf("ParseTenant(%q) = %q, %v", in, got, err)
			}
			return
		}
		checkParsed(t, ParseTenant, in, got)
		if len(got) > 253 || got == "common" || got == "organizations" {
			t.Fatalf("ParseTenant(%q) accepted %q", in, got)
		}
	})
}

func FuzzParseClientID(f *testing.F) {
	for _, s := range []string{"00000003-0000-0000-c000-000000000000", "", "x", "{00000003-0000-0000-c000-000000000000}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseClientID(in)
		if err != nil {
			if got != "" || err.Error() == "" {
				t.Fatalf("ParseClientID(%q) = %q, %v", in, got, err)
			}
			return
		}
		checkParsed(t, ParseClientID, in, got)
		if len(got) != 36 || strings.Count(got, "-") != 4 {
			t.Fatalf("ParseClientID(%q) accepted %q", in, got)
		}
	})
}
