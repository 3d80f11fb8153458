package oauth

import (
	"bytes"
	"errors"
	"html"
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

// render writes p as a small HTML page. Every piece of text is escaped,
// since a failure page can quote what Entra or a stray request sent. It
// builds the page by hand, not with html/template: the template engine's
// reflection keeps every exported method of the program's types in the
// binary, which costs the Graph SDK's full weight in size.
func (p page) render() []byte {
	var b bytes.Buffer
	colour := "#107c10"
	if p.Failed {
		colour = "#c42b1c"
	}
	b.WriteString(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>`)
	b.WriteString(html.EscapeString(p.Title))
	b.WriteString(` - Entra Setup Wizard</title>
<style>
body { font-family: system-ui, sans-serif; background: #f5f5f5; color: #1b1b1b; margin: 0; }
main { max-width: 34rem; margin: 5rem auto; background: #fff; padding: 2rem; border-radius: 8px;
  border-top: 6px solid `)
	b.WriteString(colour)
	b.WriteString(`; }
h1 { font-size: 1.4rem; margin-top: 0; }
p { line-height: 1.5; }
</style>
</head>
<body>
<main>
<h1>`)
	b.WriteString(html.EscapeString(p.Title))
	b.WriteString("</h1>\n")
	for _, line := range p.Lines {
		b.WriteString("<p>" + html.EscapeString(line) + "</p>\n")
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.Bytes()
}

// writePage sends p, never to be cached, sniffed or sent on as a referrer.
func writePage(w http.ResponseWriter, status int, p page) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	_, _ = w.Write(p.render())
}
