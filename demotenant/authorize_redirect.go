package demotenant

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// redirectAllowed reports whether uri matches one of the app's registered
// redirect URIs. Matching is exact but for loopback URIs, whose port Entra
// ignores: a registered http://localhost admits http://localhost:PORT and
// http://127.0.0.1:PORT with the same path.
func redirectAllowed(registered []string, uri string) bool {
	given, err := url.Parse(uri)
	if err != nil || given.Fragment != "" || given.Scheme == "" || given.Host == "" {
		return false
	}
	for _, reg := range registered {
		if reg == uri {
			return true
		}
		want, err := url.Parse(reg)
		if err != nil {
			continue
		}
		if want.Scheme == "http" && given.Scheme == "http" &&
			isLoopbackHost(want.Hostname()) && isLoopbackHost(given.Hostname()) &&
			pathOrSlash(want.Path) == pathOrSlash(given.Path) && want.RawQuery == given.RawQuery {
			return true
		}
	}
	return false
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func pathOrSlash(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

// responseURL adds params to the redirect URI, in the query or the fragment
// as response_mode asks. A redirect without a path gets a trailing slash,
// as Entra returns it.
func responseURL(redirect, mode string, params url.Values) string {
	u, err := url.Parse(redirect)
	if err != nil {
		return redirect
	}
	u.Path = pathOrSlash(u.Path)
	if mode == "fragment" {
		u.Fragment = params.Encode()
		return u.String()
	}
	q := u.Query()
	for k, vs := range params {
		q[k] = vs
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// respond sends the browser back to the app with params: a 302 for the
// query and fragment modes, an auto-submitting form for form_post.
func respond(w http.ResponseWriter, r *http.Request, redirect, mode string, params url.Values) {
	if mode != "form_post" {
		http.Redirect(w, r, responseURL(redirect, mode, params), http.StatusFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.WriteString(w, formPostHTML(redirect, params))
}
