package demotenant

// signInHTML is the demo tenant's sign-in, consent and error page. It is
// small and self-contained: no scripts but the one that copies a demo
// account into the form, no external resources.
const signInHTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to {{.Org}}</title>
<style>
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
</style></head>
<body><main>
<div class="tenant">{{.Org}} · demo tenant</div>
{{if eq .Page "signin"}}
<h1>Sign in</h1>
<p>to continue to <strong>{{.AppName}}</strong></p>
{{if .Problem}}<p class="problem" role="alert">{{.Problem}}</p>{{end}}
<form method="POST" action="{{.Action}}">
<input type="hidden" name="flow" value="{{.Flow}}">
<label for="username">Account</label>
<input type="text" id="username" name="username" value="{{.Username}}" autocomplete="username" placeholder="someone@example.com" autofocus>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password">
<button class="primary" type="submit" name="action" value="signin">Sign in</button>
</form>
<div class="demo"><strong>Demo accounts.</strong> This tenant is a simulation; these passwords only work here.
<table>{{range .Accounts}}
<tr><td>{{.UPN}}{{if .Admin}} <span class="name">(administrator)</span>{{end}}{{with .Note}} <span class="name">({{.}})</span>{{end}}</td><td><code>{{.Password}}</code></td>
<td><button type="button" data-upn="{{.UPN}}" data-password="{{.Password}}" onclick="pick(this)">Use</button></td></tr>{{end}}
</table></div>
<script>function pick(b){document.getElementById('username').value=b.dataset.upn;document.getElementById('password').value=b.dataset.password}</script>
{{else if eq .Page "consent"}}
<div class="name">{{.Account}}</div>
<h1>Permissions requested</h1>
<p><strong>{{.AppName}}</strong> <span class="name">(unverified publisher)</span></p>
{{if .AppPerms}}<p>This app would like, for your whole organization, without a signed-in user:</p>
<ul>{{range .AppPerms}}<li>{{.Title}} <span class="name">{{.Name}}</span></li>{{end}}</ul>{{end}}
{{if .Scopes}}<p>This app would like to:</p>
<ul>{{range .Scopes}}<li>{{.Title}} <span class="name">{{.Name}}</span></li>{{end}}</ul>{{end}}
<form method="POST" action="{{.Action}}">
<input type="hidden" name="flow" value="{{.Flow}}">
{{if .OrgBox}}<label><input type="checkbox" name="org"> Consent on behalf of your organization</label>{{end}}
<p class="name">Accepting allows this app to use your data as its terms of service and privacy statement describe. You can change these permissions later in the Entra admin center.</p>
<button type="submit" name="action" value="cancel">Cancel</button>
<button class="primary" type="submit" name="action" value="accept">Accept</button>
</form>
{{else if eq .Page "approval"}}
<h1>Need admin approval</h1>
<p><strong>{{.AppName}}</strong> needs permission to access resources in your organization that only an admin can grant. Ask an admin to grant permission to this app before you can use it.</p>
<p class="problem">{{.Problem}}</p>
<form method="POST" action="{{.Action}}">
<input type="hidden" name="flow" value="{{.Flow}}">
<button type="submit" name="action" value="cancel">Return to the application without granting consent</button>
</form>
{{else if eq .Page "signedout"}}
<h1>You signed out of your account</h1>
<p>It's a good idea to close all browser windows.</p>
{{else if eq .Page "done"}}
<h1>Permissions granted</h1>
<p>An administrator granted <strong>{{.AppName}}</strong> the permissions it asks for. You can close this window.</p>
{{else}}
<h1>Sorry, but we’re having trouble signing you in.</h1>
<p class="problem" role="alert">{{.Problem}}</p>
{{end}}
</main></body></html>
`
