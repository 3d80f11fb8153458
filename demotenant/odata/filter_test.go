package odata

import (
	"errors"
	"net/http"
	"net/url"
	"testing"
)

func TestParseFilterMatches(t *testing.T) {
	u := person(map[string]any{"id": "1", "displayName": "Megan Bowen", "department": "Marketing", "accountEnabled": true,
		"userPrincipalName": "megan@northwind.example", "userType": "Member"})
	cases := []struct {
		src  string
		want bool
	}{
		{"displayName eq 'megan bowen'", true},
		{"displayName eq 'Megan'", false},
		{"userType eq 'Member'", true},
		{"userType eq 'Guest'", false},
		{"accountEnabled eq true and department eq 'Marketing'", true},
		{"accountEnabled eq true and  department eq 'Sales'", false},
		{"accountEnabled eq false", false},
		{"jobTitle eq ''", false},
		{"displayName eq 'O''Brien'", false},
		{"userPrincipalName in ('pat@northwind.example', 'MEGAN@northwind.example')", true},
		{"userPrincipalName in ('pat@northwind.example')", false},
		{"department in ('Sales','Marketing') and userType eq 'Member'", true},
	}
	for _, c := range cases {
		f, err := parseFilter(c.src, people)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if got := f.match(u); got != c.want {
			t.Errorf("%s matched %v, want %v", c.src, got, c.want)
		}
	}
	obrien := person(map[string]any{"id": "2", "displayName": "Pat O'Brien"})
	if f, err := parseFilter("displayName eq 'pat o''brien'", people); err != nil || !f.match(obrien) {
		t.Errorf("a quote inside a string: %v", err)
	}
	app := team("3", "Entra Setup Wizard")
	if f, err := parseFilter("displayName eq 'Entra Setup Wizard'", teams); err != nil || !f.match(app) {
		t.Errorf("displayName on groups: %v", err)
	}
}

func TestParseFilterRejects(t *testing.T) {
	cases := map[string]string{
		"":                                "BadRequest",
		"displayName":                     "BadRequest",
		"displayName eq":                  "BadRequest",
		"displayName eq 'x' and":          "BadRequest",
		"displayName eq 'x')":             "BadRequest",
		"displayName eq 'unterminated":    "BadRequest",
		"displayName eq 'x' && id eq 'y'": "BadRequest",
		"shoeSize eq 44":                  "Request_UnsupportedQuery",
		"displayName gt 'x'":              "Request_UnsupportedQuery",
		"department ne 'Sales'":           "Request_UnsupportedQuery",
		"jobTitle eq null":                "Request_UnsupportedQuery",
		"id eq 12":                        "Request_UnsupportedQuery",
		"department in ('Sales'":          "BadRequest",
		"department in ()":                "BadRequest",
		"department in (1, 2)":            "BadRequest",
		"department in ('1','2','3','4','5','6','7','8','9','10','11','12','13','14','15','16')": "Request_UnsupportedQuery",
		"(displayName eq 'x')":             "Request_UnsupportedQuery",
		"not(department eq 'Sales')":       "Request_UnsupportedQuery",
		"displayName eq 'a' or id eq '1'":  "Request_UnsupportedQuery",
		"startswith(displayName,'a')":      "Request_UnsupportedQuery",
		"endswith(mail,'.com')":            "Request_UnsupportedQuery",
		"contains(displayName,'a')":        "Request_UnsupportedQuery",
		"assignedLicenses/any(x:y eq 'a')": "Request_UnsupportedQuery",
	}
	for src, code := range cases {
		_, err := parseFilter(src, people)
		var ge *Error
		if !errors.As(err, &ge) || ge.Code != code || ge.Status != 400 {
			t.Errorf("%q: %v, want a 400 %s", src, err, code)
		}
	}
}

// FuzzFilter checks that no $filter, however malformed, panics the parser
// or the matcher, and that every refusal is a 400 Graph error.
func FuzzFilter(f *testing.F) {
	for _, seed := range []string{
		"displayName eq 'x'", "userType eq 'Guest' and accountEnabled eq false", "startswith(displayName,'a') or not(accountEnabled eq true)",
		"department in ('a','b') and (userType eq 'Guest')", "assignedLicenses/any(x:x/skuId eq 6fd2c87f-b296-42f0-b197-1e91e994b900)",
		"groupTypes/any(c:c eq 'Unified')", "((((", "'", "x eq 'it''s'", "id eq 12.5e3",
	} {
		f.Add(seed)
	}
	u := person(map[string]any{"id": "1", "displayName": "Megan",
		"assignedLicenses": []Object{{{"skuId", "6fd2c87f-b296-42f0-b197-1e91e994b900"}}}})
	f.Fuzz(func(t *testing.T, src string) {
		for _, kind := range []*Kind{people, teams, everyone} {
			flt, err := parseFilter(src, kind)
			if err != nil {
				var ge *Error
				if !errors.As(err, &ge) || ge.Status != 400 {
					t.Fatalf("%q: %v is not a 400 Graph error", src, err)
				}
				continue
			}
			flt.match(u)
			flt.match(team("2", ""))
		}
	})
}

// FuzzQueryOptions checks that any query string is either accepted or
// refused with a 400 Graph error, and that an accepted one pages safely.
func FuzzQueryOptions(f *testing.F) {
	for _, seed := range []string{
		"$top=5&$select=id,displayName", `$search="displayName:a" OR "mail:b"&$count=true`,
		"$orderby=displayName desc&$skiptoken=RFNwdAIAAQAAAYQBi", "$filter=startswith(displayName,'a')&$top=999",
		`$search="displayName:"`, "$top=-1", "%zz",
	} {
		f.Add(seed, true)
	}
	items := []Entity{
		person(map[string]any{"id": "a", "displayName": "Ann"}),
		person(map[string]any{"id": "b", "displayName": "Bob", "mail": "bob@x.example"}),
		team("c", "Crew"),
	}
	f.Fuzz(func(t *testing.T, query string, eventual bool) {
		r := &http.Request{URL: &url.URL{Path: "/users", RawQuery: query}, Header: http.Header{}}
		if eventual {
			r.Header.Set("ConsistencyLevel", "eventual")
		}
		for _, kind := range []*Kind{people, everyone} {
			q, err := ParseList(r, kind)
			if err != nil {
				var ge *Error
				if !errors.As(err, &ge) || ge.Status != http.StatusBadRequest {
					t.Fatalf("%q: %v is not a 400 Graph error", query, err)
				}
				continue
			}
			p := Paginate(items, q)
			if len(p.Items) > q.Top || p.Total > len(items) {
				t.Fatalf("%q: page of %d, total %d", query, len(p.Items), p.Total)
			}
		}
	})
}
