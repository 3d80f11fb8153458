package demotenant

import "testing"

// The consent page names permissions with the admin consent display names
// of Microsoft's Graph permissions reference.
func TestConsentTitlesAreMicrosofts(t *testing.T) {
	want := map[string]string{
		"User.Read.All":                   "Read all users' full profiles",
		"LicenseAssignment.ReadWrite.All": "Manage all license assignments",
		"openid":                          "Sign users in",
	}
	for scope, title := range want {
		got, ok := permissionTitles[scope]
		if !ok {
			got = oidcTitles[scope]
		}
		if got != title {
			t.Errorf("%s is shown as %q, want %q", scope, got, title)
		}
	}
}
