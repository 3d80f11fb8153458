package oauth

import "strings"

// WaitingHelp is what to tell the person while a browser sign-in waits for
// them: that it is waiting, what to look for when Microsoft shows an error
// page instead of coming back (the program cannot see that page, so it can
// only go on waiting), and how to stop. howToStop names the action, such as
// "press Ctrl+C" or "press Cancel".
func WaitingHelp(howToStop string) string {
	return strings.Join([]string{
		"Waiting for you to finish signing in in the browser.",
		"If Microsoft shows an error page instead of coming back here, look for the code on it:",
		"  - AADSTS90002 or AADSTS900023 (tenant not found): check the tenant ID or domain, and the cloud.",
		"  - AADSTS50011 (redirect URI mismatch): register http://localhost under Mobile and desktop applications in the app's Authentication page.",
		"  - AADSTS65001 or AADSTS90094, \"Need admin approval\": an administrator must grant consent to the app first.",
		"Then " + howToStop + " to stop, fix it and try again.",
	}, "\n")
}
