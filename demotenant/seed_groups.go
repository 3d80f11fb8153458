package demotenant

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// seedGroup describes one group of the default tenant: who its direct
// members are and which groups are nested in it.
type seedGroup struct {
	Name        string
	Description string
	Unified     bool // a Microsoft 365 group rather than a security group
	// Departments whose people are direct members; nil means none.
	Departments []string
	// Titles, when set, keeps only people whose job title contains one of them.
	Titles []string
	// Nested names groups that are direct members of this one.
	Nested []string
}

// The default tenant's twelve groups. "VPN Users" holds two groups, one of
// which holds two more, so its transitive members differ from its direct ones.
var seedGroups = []seedGroup{
	{Name: "All Company", Description: "Everyone in Northwind Traders", Unified: true, Departments: []string{"*"}},
	{Name: "Sales", Description: "Sales team", Departments: []string{"Sales"}},
	{Name: "Marketing", Description: "Marketing team and campaigns", Unified: true, Departments: []string{"Marketing"}},
	{Name: "Engineering", Description: "All engineers", Departments: []string{"Engineering"}, Titles: []string{"Manager"},
		Nested: []string{"Engineering - Platform", "Engineering - Apps"}},
	{Name: "Engineering - Platform", Description: "Platform and reliability engineers", Departments: []string{"Engineering"},
		Titles: []string{"Site Reliability", "Senior"}},
	{Name: "Engineering - Apps", Description: "Application engineers and testers", Departments: []string{"Engineering"},
		Titles: []string{"QA", "Software Engineer"}},
	{Name: "Finance", Description: "Finance and payroll", Departments: []string{"Finance"}},
	{Name: "Human Resources", Description: "People team", Departments: []string{"Human Resources"}},
	{Name: "IT Admins", Description: "Administrators of devices and accounts", Departments: []string{"IT"}},
	{Name: "Leadership", Description: "Managers and directors", Departments: []string{"*"}, Titles: []string{"Manager", "Director", "Controller"}},
	{Name: "Project Falcon", Description: "Cross-team launch project", Unified: true, Departments: []string{"Marketing", "Customer Success"},
		Titles: []string{"Manager", "Strategist"}},
	{Name: "VPN Users", Description: "May connect through the corporate VPN", Departments: []string{"Operations"},
		Titles: []string{"Manager"}, Nested: []string{"Engineering", "IT Admins"}},
}

// standardGroups adds the default tenant's groups.
func (s *seeder) standardGroups() {
	byName := map[string]*group{}
	for i, spec := range seedGroups {
		g := s.group(spec.Name, spec.Description, spec.Unified, i)
		byName[spec.Name] = g
		for _, u := range s.order {
			if u.UserType == "Member" && spec.matches(u) {
				g.Members = append(g.Members, u.ID)
			}
		}
		g.Owners = seedOwners(s.order, g.Members, spec.Unified)
	}
	for _, spec := range seedGroups {
		g := byName[spec.Name]
		for _, name := range spec.Nested {
			g.Members = append(g.Members, byName[name].ID)
		}
	}
}

// seedOwners picks a group's owners among its members: its first two
// managers or directors, one for a Microsoft 365 group, so the demo shows a
// group whose only owner cannot be removed.
func seedOwners(people []*user, members []string, unified bool) []string {
	limit := 2
	if unified {
		limit = 1
	}
	var owners []string
	for _, u := range people {
		if len(owners) < limit && slices.Contains(members, u.ID) &&
			(strings.Contains(u.JobTitle, "Manager") || strings.Contains(u.JobTitle, "Director")) {
			owners = append(owners, u.ID)
		}
	}
	return owners
}

func (spec seedGroup) matches(u *user) bool {
	inDept := false
	for _, d := range spec.Departments {
		inDept = inDept || d == "*" || d == u.Department
	}
	if !inDept || len(spec.Titles) == 0 {
		return inDept
	}
	for _, t := range spec.Titles {
		if strings.Contains(u.JobTitle, t) {
			return true
		}
	}
	return false
}

// largeGroups adds 300 groups: "All Employees" with 5,000 direct members,
// and team groups of 10 to 69 members, every tenth nesting the one before it.
func (s *seeder) largeGroups() {
	all := s.group("All Employees", "Every employee of the first 5,000 hired", true, 0)
	for _, u := range s.order[:5000] {
		all.Members = append(all.Members, u.ID)
	}
	var prev *group
	for i := 1; i < 300; i++ {
		dept := seedDepartments[i%len(seedDepartments)].Name
		g := s.group(fmt.Sprintf("%s Team %03d", dept, i), "Team group for "+dept, i%5 == 0, i)
		start := s.rng.IntN(len(s.order) - 100)
		for _, u := range s.order[start : start+10+s.rng.IntN(60)] {
			g.Members = append(g.Members, u.ID)
		}
		if i%10 == 0 && prev != nil {
			g.Members = append(g.Members, prev.ID)
		}
		prev = g
	}
}

// group stores a new security or Microsoft 365 group.
func (s *seeder) group(name, description string, unified bool, n int) *group {
	nick := strings.ToLower(strings.NewReplacer(" ", "", "-", "").Replace(name))
	g := &group{
		ID:              s.id(),
		DisplayName:     name,
		Description:     description,
		MailNickname:    nick,
		SecurityEnabled: !unified,
		GroupTypes:      []string{},
		CreatedDateTime: s.d.createdAt.Add(time.Duration(n) * 24 * time.Hour),
	}
	if unified {
		g.MailEnabled = true
		g.Mail = nick + "@" + s.d.tenantDomain
		g.GroupTypes = []string{"Unified"}
		g.Visibility = "Public"
	}
	s.d.groups[g.ID] = g
	return g
}
