package langenv

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestLanguagesLeavesAReadableLocaleAlone(t *testing.T) {
	for _, env := range []map[string]string{
		{},
		{"LANG": "C"},
		{"LANG": "POSIX"},
		{"LC_ALL": "C", "LANGUAGE": "C.UTF-8"}, // LANGUAGE is ignored in the C locale
		{"LANG": "en_US.UTF-8"},
		{"LANG": "de_DE.UTF-8"},
		{"LANG": "pt_BR"},
		{"LANG": "C.UTF-8", "LANGUAGE": "fr:en"},
		{"LANG": "es_419.UTF-8"},
		{"LANG": "sr_Latn"},
	} {
		if want, change := languages(lookup(env)); change {
			t.Errorf("%v: LANGUAGE set to %q; the locale was readable as it was", env, want)
		}
	}
}

func TestLanguagesNamesWhatFyneCanRead(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "C.utf8"}, "en"},
		{map[string]string{"LANG": "POSIX.UTF-8"}, "en"},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, "en"},
		{map[string]string{"LC_MESSAGES": "C.UTF-8", "LANG": "de_DE.UTF-8"}, "en"},
		{map[string]string{"LANG": "de_DE.UTF-8@euro"}, "de_DE"},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "C.UTF-8:fr_FR"}, "fr_FR"},
		{map[string]string{"LANG": "en_GB.UTF-8", "LANGUAGE": "klingon-tlh"}, "en"},
	} {
		got, change := languages(lookup(tc.env))
		if !change || got != tc.want {
			t.Errorf("%v: LANGUAGE %q (change %v), want %q", tc.env, got, change, tc.want)
		}
	}
}

// TestReadableAgreesWithFyne checks readable against what Fyne does with an
// entry: go-locale's rewriting (drop the encoding, then language and
// territory joined by a hyphen) followed by golang.org/x/text/language's
// parser. What readable keeps must parse; what it refuses must not.
func TestReadableAgreesWithFyne(t *testing.T) {
	for _, entry := range []string{
		"C", "C.UTF-8", "POSIX", "en", "en_US", "en_US.UTF-8", "de-DE", "es_419",
		"sr_Latn", "de_DE@euro", "ca_ES.UTF-8@valencia", "abcd", "en_1", "e", "", "en_US_POSIX",
		"de_DE_1996", "zh_Hant_TW", "en_US_x", "en__US", "tlh-Latn-", "en_US.UTF-8:de",
	} {
		tag, ok := readable(entry)
		if ok {
			if err := fyneParses(tag); err != nil {
				t.Errorf("readable(%q) kept %q, which Fyne cannot parse: %v", entry, tag, err)
			}
		} else if fyneParses(entry) == nil {
			t.Errorf("readable(%q) refused an entry Fyne reads", entry)
		}
	}
}

// fyneParses rewrites entry as go-locale does on Unix and parses it as
// Fyne's lang package does.
func fyneParses(entry string) error {
	base, _, _ := strings.Cut(entry, ".")
	lang, territory, _ := strings.Cut(strings.ReplaceAll(base, "-", "_"), "_")
	if territory != "" {
		lang += "-" + territory
	}
	_, err := language.Parse(lang)
	return err
}

func lookup(env map[string]string) func(string) string {
	return func(k string) string { return env[k] }
}
