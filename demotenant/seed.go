package demotenant

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// newPassword makes a demo account's password for this run, e.g.
// "Northwind-Admin-x7Kq2mWp!": the sign-in page shows it, and being new on
// every run, it opens nothing but this one loopback simulation.
func newPassword(kind string) string {
	return "Northwind-" + kind + "-" + randomText(8) + "!"
}

// The license products of every scenario. The part numbers and IDs are
// Microsoft's, so a program can recognise them as it would in a real tenant.
const (
	skuE3  = "6fd2c87f-b296-42f0-b197-1e91e994b900" // ENTERPRISEPACK (Office 365 E3)
	skuEMS = "efccb6f7-5641-4e0e-bd10-b4976e1bf68e" // EMS (Enterprise Mobility + Security E3)
	skuPBI = "f8a1db68-be16-40ed-86d5-cb42ce701560" // POWER_BI_PRO (Power BI Pro)
)

// seeder generates a scenario's people from a fixed random seed.
type seeder struct {
	d    *directory
	rng  *rand.Rand
	upns map[string]bool
	// order holds the seeded users in creation order.
	order []*user
}

// seedPeople fills the scenario's users, groups and license SKUs.
func (d *directory) seedPeople() {
	s := &seeder{d: d, rng: rand.New(rand.NewPCG(0x5eed, 0xd1ec70)), upns: map[string]bool{}}
	d.skus = seedSKUs(d.scenario)
	s.namedAccounts()
	switch d.scenario {
	case ScenarioLarge:
		s.people(20000)
		s.largeGroups()
		s.licenses(skuE3, 1995)
		s.licenses(skuEMS, 3000)
	default:
		s.people(250)
		s.standardGroups()
		s.licenses(skuE3, 24)
		s.licenses(skuEMS, 40)
		s.licenses(skuPBI, 2)
	}
	s.managers()
}

func seedSKUs(scenario string) []*sku {
	e3, ems := 25, 100
	if scenario == ScenarioLarge {
		e3, ems = 2000, 5000
	}
	return []*sku{
		{SkuID: skuE3, SkuPartNumber: "ENTERPRISEPACK", Enabled: e3, ServicePlans: e3ServicePlans},
		{SkuID: skuEMS, SkuPartNumber: "EMS", Enabled: ems, ServicePlans: emsServicePlans},
		{SkuID: skuPBI, SkuPartNumber: "POWER_BI_PRO", Enabled: 10, ServicePlans: pbiServicePlans},
	}
}

// namedAccounts adds the accounts people sign in with: the administrator, a
// regular member and a guest from another organization.
func (s *seeder) namedAccounts() {
	admin := s.add(&user{DisplayName: "Tenant Administrator", GivenName: "Tenant", Surname: "Administrator",
		MailNickname: "admin", JobTitle: "Global Administrator", Department: "IT", Password: s.d.adminPassword, Admin: true},
		seedLocations[0])
	admin.UserPrincipalName = "admin@" + s.d.tenantDomain
	megan := s.add(&user{DisplayName: "Megan Bowen", GivenName: "Megan", Surname: "Bowen",
		MailNickname: "megan", JobTitle: "Marketing Manager", Department: "Marketing", Password: s.d.userPassword},
		seedLocations[1])
	megan.UserPrincipalName = "megan@" + s.d.tenantDomain
	guest := s.add(&user{DisplayName: "Ravi Kumar (Contoso)", GivenName: "Ravi", Surname: "Kumar",
		MailNickname: "ravi.kumar_contoso.example#EXT#", UserType: "Guest", Password: s.d.userPassword},
		seedLocation{})
	guest.UserPrincipalName = "ravi.kumar_contoso.example#EXT#@" + s.d.tenantDomain
	guest.Mail = "ravi.kumar@contoso.example"
	for _, u := range []*user{admin, megan} {
		u.Mail = u.UserPrincipalName
	}
	for _, u := range s.order {
		s.upns[strings.ToLower(u.UserPrincipalName)] = true
	}
}

// people adds generated members until the tenant has total users.
func (s *seeder) people(total int) {
	for len(s.order) < total {
		given := seedGivenNames[s.rng.IntN(len(seedGivenNames))]
		surname := seedSurnames[s.rng.IntN(len(seedSurnames))]
		dept := seedDepartments[s.rng.IntN(len(seedDepartments))]
		nick := s.uniqueNickname(strings.ToLower(given + "." + surname))
		u := s.add(&user{
			DisplayName:  given + " " + surname,
			GivenName:    given,
			Surname:      surname,
			MailNickname: nick,
			JobTitle:     dept.Titles[s.rng.IntN(len(dept.Titles))],
			Department:   dept.Name,
			Password:     s.d.userPassword,
		}, seedLocations[s.rng.IntN(len(seedLocations))])
		u.UserPrincipalName = nick + "@" + s.d.tenantDomain
		u.Mail = u.UserPrincipalName
		u.AccountEnabled = s.rng.IntN(16) != 0
		// Every 40th member comes from the on-premises directory.
		u.OnPremisesSync = len(s.order)%40 == 0
		if s.rng.IntN(5) == 0 {
			u.MobilePhone = fmt.Sprintf("+1 425 555 %04d", s.rng.IntN(10000))
		}
	}
}

func (s *seeder) uniqueNickname(base string) string {
	nick := base
	for n := 2; s.upns[nick+"@"+s.d.tenantDomain]; n++ {
		nick = fmt.Sprintf("%s%d", base, n)
	}
	s.upns[nick+"@"+s.d.tenantDomain] = true
	return nick
}

// add stores u with a fresh id, creation time and location.
func (s *seeder) add(u *user, loc seedLocation) *user {
	u.ID = s.id()
	u.AccountEnabled = true
	if u.UserType == "" {
		u.UserType = "Member"
	}
	u.UsageLocation, u.Country, u.City, u.OfficeLocation = loc.UsageLocation, loc.Country, loc.City, loc.Office
	u.CreatedDateTime = s.d.createdAt.Add(time.Duration(len(s.order)) * 37 * time.Minute)
	s.d.users[u.ID] = u
	s.order = append(s.order, u)
	return u
}

// licenses assigns sku to the first n members who have a usage location.
func (s *seeder) licenses(skuID string, n int) {
	for _, u := range s.order {
		if n == 0 {
			return
		}
		if u.UsageLocation == "" || u.UserType != "Member" {
			continue
		}
		u.Licenses = append(u.Licenses, assignedLicense{SkuID: skuID, DisabledPlans: []string{}})
		n--
	}
}

// id returns a random-looking, reproducible version 4 GUID.
func (s *seeder) id() string {
	return formatGUID(s.rng.Uint64(), s.rng.Uint64())
}

func formatGUID(hi, lo uint64) string {
	hi = hi&^0xf000 | 0x4000
	lo = lo&^(0x3<<62) | 0x2<<62
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", hi>>32, hi>>16&0xffff, hi&0xffff, lo>>48, lo&0xffffffffffff)
}
