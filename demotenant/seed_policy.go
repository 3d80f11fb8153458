package demotenant

// policySeeds are the accounts the tenant's Conditional Access policies
// stop: one is blocked outright, the other must use multifactor
// authentication, which the demo sign-in page cannot do.
var policySeeds = []struct {
	Nickname, GivenName, Surname string
	Policy                       signInPolicy
}{
	{"blocked", "Diego", "Siciliani", policyBlock},
	{"mfa", "Lynne", "Robbins", policyMFA},
}

// seedPolicyAccounts adds the accounts of policySeeds. Their ids derive
// from their names, so the seeded people and groups stay as they were.
func (d *directory) seedPolicyAccounts() {
	for _, p := range policySeeds {
		id, upn := stableGUID("policy account: "+p.Nickname), p.Nickname+"@"+d.tenantDomain
		d.policyAccounts[id] = &user{
			ID: id, DisplayName: p.GivenName + " " + p.Surname,
			GivenName: p.GivenName, Surname: p.Surname, UserPrincipalName: upn, Mail: upn,
			MailNickname: p.Nickname, AccountEnabled: true, CreatedDateTime: d.createdAt, UserType: "Member",
			Password: d.userPassword, Policy: p.Policy,
		}
	}
}
