package langenv

import "strings"

// languages returns the value LANGUAGE should have for Fyne to read the
// locale without complaint, and whether LANGUAGE must change to it (false
// when Fyne reads the environment as it is). getenv reads the environment.
//
// It follows the lookup of github.com/jeandeaual/go-locale on Unix: the
// first of LC_ALL, LC_MESSAGES and LANG that is set; exactly "C" or "POSIX"
// means no preference (read quietly as English); otherwise LANGUAGE, a
// colon-separated list, wins when set, and the locale is used when not.
func languages(getenv func(string) string) (string, bool) {
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	if locale == "C" || locale == "POSIX" {
		return "", false
	}
	list := getenv("LANGUAGE")
	if list == "" {
		if locale == "" {
			return "", false
		}
		list = locale
	}
	var kept []string
	fine := true
	for _, entry := range strings.Split(list, ":") {
		tag, ok := readable(entry)
		if ok {
			kept = append(kept, tag)
		}
		fine = fine && ok && !strings.Contains(entry, "@")
	}
	if fine {
		return "", false
	}
	if len(kept) == 0 {
		return "en", true
	}
	return strings.Join(kept, ":"), true
}

// readable returns entry without its encoding and modifier
// (de_DE.UTF-8@euro becomes de_DE) if what is left reads as a language tag:
// a language of two or three letters, then any of a territory (two letters
// or three digits), a script (four letters) or a variant (five to eight
// letters and digits, or four starting with a digit).
func readable(entry string) (string, bool) {
	entry, _, _ = strings.Cut(entry, "@")
	entry, _, _ = strings.Cut(entry, ".")
	parts := strings.Split(strings.ReplaceAll(entry, "-", "_"), "_")
	if lang := parts[0]; !letters(lang) || len(lang) < 2 || len(lang) > 3 {
		return "", false
	}
	for _, sub := range parts[1:] {
		switch {
		case len(sub) == 2 && letters(sub):
		case len(sub) == 3 && digits(sub):
		case len(sub) == 4 && letters(sub):
		case len(sub) == 4 && digits(sub[:1]) && alphanumeric(sub):
		case len(sub) >= 5 && len(sub) <= 8 && alphanumeric(sub):
		default:
			return "", false
		}
	}
	return entry, true
}

func alphanumeric(s string) bool {
	for _, r := range s {
		if !letters(string(r)) && !digits(string(r)) {
			return false
		}
	}
	return true
}

func letters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
