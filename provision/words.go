package provision

import "strings"

// WaitingHelp is what to look for while the setup sign-in waits in the
// browser. It signs in with Microsoft Graph Command Line Tools, Microsoft's
// own app, so there is no redirect of the admin's to fix (AADSTS50011):
// what can go wrong is the tenant, the account, or the organization's rules
// for that app.
func WaitingHelp(howToStop string) string {
	return strings.Join([]string{
		"Waiting for you to finish signing in in the browser, as an administrator.",
		"If Microsoft shows an error page instead of coming back here, look for the code on it:",
		"  - AADSTS90002 or AADSTS900023 (tenant not found): check the tenant ID or domain, and the cloud.",
		"  - AADSTS50020 or AADSTS50034 (account not in this tenant): sign in with an account of this organization.",
		"  - AADSTS65001 or AADSTS90094, \"Need admin approval\": your organization lets only administrators approve Microsoft Graph Command Line Tools; sign in as one.",
		"  - AADSTS50105 (not assigned): your organization lets only assigned people use Microsoft Graph Command Line Tools.",
		"Then " + howToStop + " to stop, fix it and try again.",
	}, "\n")
}

// SignIns says how often the admin signs in for method: once to set up,
// and with a browser sign-in once more, to the new app, so that the test
// runs as the person who will use it.
func SignIns(method string) string {
	if method == MethodBrowser {
		return "Sign in twice in your browser: first as an administrator, so the program can register the app, " +
			"create its permissions and grant them for you; then once more, to the new app, so it can test the connection as you. "
	}
	return "Sign in once in your browser as an administrator. The program then registers the app, " +
		"creates its certificate or secret and grants its permissions for you, tests the connection and saves it. "
}
