package oauth

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
)

// page is what the browser shows after it brought back the sign-in answer.
type page struct {
	Title  string
	Lines  []string
	Failed bool
}

const closeTab = "You can close this tab and return to Entra Setup Wizard."

var (
	successPage = page{Title: "You are signed in", Lines: []string{closeTab}}
	repeatPage  = page{Title: "This sign-in has already finished",
		Lines: []string{"Nothing was changed.", closeTab}}
	refusedPage = page{Title: "Request refused", Failed: true,
		Lines: []string{"Entra Setup Wizard only accepts the sign-in answer from this computer's browser."}}
	strayPage = page{Title: "This answer was refused", Failed: true,
		Lines: []string{"It does not belong to the sign-in Entra Setup Wizard is waiting for, which goes on waiting.",
			"If you are signing in, finish on the Microsoft page that Entra Setup Wizard opened."}}
	idlePage = page{Title: "Entra Setup Wizard is waiting for your sign-in",
		Lines: []string{"Finish signing in on the Microsoft page that opened in your browser."}}
)

// failurePage explains why the sign-in failed, with Entra's hint if any.
func failurePage(err error) page {
	p := page{Title: "The sign-in did not work", Failed: true, Lines: []string{err.Error()}}
	var e *Error
	if errors.As(err, &e) && e.Hint != "" {
		p.Lines = append(p.Lines, e.Hint)
	}
	p.Lines = append(p.Lines, closeTab)
	return p
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} - Entra Setup Wizard</title>
<style>
body { font-family: system-ui, sans-serif; background: #f5f5f5; color: #1b1b1b; margin: 0; }
main { max-width: 34rem; margin: 5rem auto; background: #fff; padding: 2rem; border-radius: 8px;
  border-top: 6px solid {{if .Failed}}#c42b1c{{else}}#107c10{{end}}; }
h1 { font-size: 1.4rem; margin-top: 0; }
p { line-height: 1.5; }
</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
{{range .Lines}}<p>{{.}}</p>
{{end}}</main>
</body>
</html>
`))

// writePage renders p; pages are small and built from fixed text and
// Entra's escaped messages, so rendering cannot fail halfway.
func writePage(w http.ResponseWriter, status int, p page) {
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, p); err != nil {
		http.Error(w, p.Title, status)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}
