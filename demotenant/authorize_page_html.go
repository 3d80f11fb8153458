package demotenant

import (
	"html"
	"maps"
	"slices"
	"strings"
)

// The demo tenant's sign-in, consent and error page is small and
// self-contained: no scripts but the one that copies a demo account into the
// form, no external resources. It is written by hand rather than with
// html/template, whose reflection would keep every exported method of the
// program's types (the Graph SDK's in particular) in the binary; every value
// goes through esc.
func signInPageHTML(p pageData) string {
	var b strings.Builder
	b.WriteString(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to ` + esc(p.Org) + `</title>
<style>` + signInCSS + `</style></head>
<body><main>
<div class="tenant">` + esc(p.Org) + ` · demo tenant</div>
`)
	switch p.Page {
	case "signin":
		writeSignInForm(&b, p)
	case "consent":
		writeConsentForm(&b, p)
	case "approval":
		b.WriteString(`<h1>Need admin approval</h1>
<p><strong>` + esc(p.AppName) + `</strong> needs permission to access resources in your organization that only an admin can grant. Ask an admin to grant permission to this app before you can use it.</p>
<p class="problem">` + esc(p.Problem) + `</p>
<form method="POST" action="` + esc(p.Action) + `">
<input type="hidden" name="flow" value="` + esc(p.Flow) + `">
<button type="submit" name="action" value="cancel">Return to the application without granting consent</button>
</form>
`)
	case "signedout":
		b.WriteString(`<h1>You signed out of your account</h1>
<p>It's a good idea to close all browser windows.</p>
`)
	default:
		b.WriteString(`<h1>Sorry, but we’re having trouble signing you in.</h1>
<p class="problem" role="alert">` + esc(p.Problem) + `</p>
`)
	}
	b.WriteString("</main></body></html>\n")
	return b.String()
}

func writeSignInForm(b *strings.Builder, p pageData) {
	b.WriteString(`<h1>Sign in</h1>
<p>to continue to <strong>` + esc(p.AppName) + `</strong></p>
`)
	if p.Problem != "" {
		b.WriteString(`<p class="problem" role="alert">` + esc(p.Problem) + "</p>\n")
	}
	b.WriteString(`<form method="POST" action="` + esc(p.Action) + `">
<input type="hidden" name="flow" value="` + esc(p.Flow) + `">
<label for="username">Account</label>
<input type="text" id="username" name="username" value="` + esc(p.Username) + `" autocomplete="username" placeholder="someone@example.com" autofocus>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password">
<button class="primary" type="submit" name="action" value="signin">Sign in</button>
</form>
<div class="demo"><strong>Demo accounts.</strong> This tenant is a simulation; these passwords only work here.
<table>`)
	for _, a := range p.Accounts {
		b.WriteString("\n<tr><td>" + esc(a.UPN))
		if a.Admin {
			b.WriteString(` <span class="name">(administrator)</span>`)
		}
		if a.Note != "" {
			b.WriteString(` <span class="name">(` + esc(a.Note) + `)</span>`)
		}
		b.WriteString(`</td><td><code>` + esc(a.Password) + `</code></td>
<td><button type="button" data-upn="` + esc(a.UPN) + `" data-password="` + esc(a.Password) + `" onclick="pick(this)">Use</button></td></tr>`)
	}
	b.WriteString(`
</table></div>
<script>function pick(b){document.getElementById('username').value=b.dataset.upn;document.getElementById('password').value=b.dataset.password}</script>
`)
}

func writeConsentForm(b *strings.Builder, p pageData) {
	b.WriteString(`<div class="name">` + esc(p.Account) + `</div>
<h1>Permissions requested</h1>
<p><strong>` + esc(p.AppName) + `</strong> <span class="name">(unverified publisher)</span></p>
`)
	if len(p.AppPerms) > 0 {
		b.WriteString("<p>This app would like, for your whole organization, without a signed-in user:</p>\n")
		writePermissions(b, p.AppPerms)
	}
	if len(p.Scopes) > 0 {
		b.WriteString("<p>This app would like to:</p>\n")
		writePermissions(b, p.Scopes)
	}
	b.WriteString(`<form method="POST" action="` + esc(p.Action) + `">
<input type="hidden" name="flow" value="` + esc(p.Flow) + `">
`)
	if p.OrgBox {
		b.WriteString(`<label><input type="checkbox" name="org"> Consent on behalf of your organization</label>` + "\n")
	}
	b.WriteString(`<p class="name">Accepting allows this app to use your data as its terms of service and privacy statement describe. You can change these permissions later in the Entra admin center.</p>
<button type="submit" name="action" value="cancel">Cancel</button>
<button class="primary" type="submit" name="action" value="accept">Accept</button>
</form>
`)
}

func writePermissions(b *strings.Builder, lines []permissionLine) {
	b.WriteString("<ul>")
	for _, l := range lines {
		b.WriteString("<li>" + esc(l.Title) + ` <span class="name">` + esc(l.Name) + "</span></li>")
	}
	b.WriteString("</ul>\n")
}

// formPostHTML is response_mode=form_post's page: it posts params to action
// as soon as it loads.
func formPostHTML(action string, params map[string][]string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html>
<html><head><title>Working...</title></head>
<body onload="document.forms[0].submit()">
<form method="POST" action="` + esc(action) + `">
`)
	for _, k := range slices.Sorted(maps.Keys(params)) {
		for _, v := range params[k] {
			b.WriteString(`<input type="hidden" name="` + esc(k) + `" value="` + esc(v) + "\">\n")
		}
	}
	b.WriteString(`<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript>
</form></body></html>
`)
	return b.String()
}

// esc escapes text for HTML element content and quoted attribute values.
func esc(s string) string { return html.EscapeString(s) }

const signInCSS = `
body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0;color:#1b1b1b}
main{max-width:440px;margin:48px auto;background:#fff;padding:36px 44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:1.5rem;font-weight:600;margin:.2em 0 .6em}
.tenant{color:#605e5c;font-size:.9rem}
label{display:block;margin:.8em 0 .2em}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:6px 2px;border:0;border-bottom:1px solid #666;font-size:1rem}
button{padding:6px 20px;font-size:1rem;border:1px solid #8a8886;background:#fff;cursor:pointer;margin:1em .5em 0 0}
button.primary{background:#0067b8;border-color:#0067b8;color:#fff}
.problem{color:#a80000;white-space:pre-line;font-size:.9rem;margin:.8em 0}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin-top:.5em}
td{padding:4px 6px;border-top:1px solid #edebe9}
td button{margin:0;padding:2px 8px;font-size:.85rem}
ul{padding-left:1.2em}li{margin:.3em 0}
.name{color:#605e5c;font-size:.8rem}
.demo{background:#fff4ce;padding:8px 10px;font-size:.85rem;margin-top:1.4em}
`
