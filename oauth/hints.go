package oauth

// hints are what an admin can do about the Entra errors met while setting
// up a connection, by AADSTS code.
var hints = map[int]string{
	7000215: "The secret was not accepted. You may have copied the secret's ID instead of its Value: " +
		"in Certificates & secrets, the Value column is the one to copy (it is shown only right after " +
		"the secret is created; if it is hidden, create a new secret).",
	7000222: "The client secret has expired. Create a new secret under Certificates & secrets and paste its Value.",
	700027: "Microsoft Entra does not know this certificate, or it has expired. Upload the certificate file under " +
		"Certificates & secrets > Certificates > Upload certificate and check that the portal lists the same thumbprint; " +
		"an upload can take a minute to work.",
	700016: "No app with this client ID was found in this tenant. Check the client ID and the tenant; " +
		"the app may be registered in another tenant.",
	7000229: "The app has no service principal in this tenant. Open the app once in Enterprise " +
		"applications, or grant admin consent for it.",
	90002:  "This tenant was not found. Check the tenant ID or domain, and the cloud you chose.",
	900023: "The tenant is not valid. Check the tenant ID or domain, and the cloud you chose.",
	90038:  "This tenant lives in a national cloud. Choose the right cloud (for example US Government or China).",
	50011: "The redirect address is not registered. In the app's Authentication page, add a " +
		"'Mobile and desktop applications' platform with the redirect URI http://localhost.",
	7000218: "The redirect is registered as Web, which needs a secret. Enter the client secret, or register " +
		"http://localhost under 'Mobile and desktop applications' instead.",
	700025: "This app is a public client and must not send a secret. Remove the secret, or register the " +
		"redirect as Web.",
	65001: "Nobody has consented to the app's permissions yet. Grant admin consent, or ask an admin to.",
	90094: "These permissions need an admin's consent. Grant admin consent, or ask an admin to.",
	65004: "Consent was declined. Grant admin consent, or ask an admin to.",
	50020: "This account is not in the tenant. Sign in with a member account of this tenant.",
	50034: "This account does not exist in the tenant. Check the user name, or sign in with a member account of this tenant.",
	70008: "The saved sign-in has expired or was already used (a sign-in unused for a long time expires, " +
		"and each renewal replaces the previous one). Sign in again with the browser.",
	700082: "The saved sign-in has expired after a long time unused. Sign in again with the browser.",
	50173: "This account was signed out everywhere, or its password was changed, after the saved sign-in " +
		"was made. Sign in again with the browser.",
	50057: "This account is disabled in Entra. An admin can enable it again (Users, the account, " +
		"Edit properties, Account enabled), or sign in with another account.",
	53003: "A Conditional Access policy blocked the sign-in. Ask the tenant's admin.",
	50076: "This sign-in needs multi-factor authentication. Sign in again with the browser and complete it; " +
		"if that is not possible, ask the tenant's admin.",
}

// hintFor returns the hint for an AADSTS code, or "" if there is none.
func hintFor(code int) string { return hints[code] }
