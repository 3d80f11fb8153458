package demotenant

import (
	"errors"
	"net/http"
	"net/url"
	"testing"
)

func TestParseFilterMatches(t *testing.T) {
	u := &user{ID: "1", DisplayName: "Megan Bowen", Department: "Marketing", AccountEnabled: true,
		UserPrincipalName: "megan@northwind.example", Licenses: []assignedLicense{{SkuID: skuE3}}}
	cases := []struct {
		src      string
		want     bool
		advanced bool
	}{
		{"displayName eq 'megan bowen'", true, false},
		{"displayName eq 'Megan'", false, false},
		{"startswith(displayName,'MEG')", true, false},
		{"startswith(displayName, 'Bow')", false, false},
		{"endswith(userPrincipalName,'.example')", true, true},
		{"accountEnabled eq true and department eq 'Marketing'", true, false},
		{"accountEnabled eq false or department eq 'Sales'", false, false},
		{"(accountEnabled eq false or department eq 'Sales') or id eq '1'", true, false},
		{"department in ('Sales', 'Marketing')", true, false},
		{"department in ('Sales')", false, false},
		{"jobTitle eq null", true, true},
		{"department ne 'Marketing'", false, true},
		{"not(department eq 'Sales')", true, true},
		{"assignedLicenses/any(x:x/skuId eq " + skuE3 + ")", true, false},
		{"assignedLicenses/any(x:x/skuId eq " + skuEMS + ")", false, false},
		{"displayName eq 'O''Brien'", false, false},
	}
	for _, c := range cases {
		f, err := parseFilter(c.src, userKind)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if got := f.node.match(u); got != c.want {
			t.Errorf("%s matched %v, want %v", c.src, got, c.want)
		}
		if got := f.advancedProperty != ""; got != c.advanced {
			t.Errorf("%s: advanced %v, want %v", c.src, got, c.advanced)
		}
	}
	g := &group{ID: "2", GroupTypes: []string{"Unified"}}
	f, err := parseFilter("groupTypes/any(c:c eq 'Unified')", groupKind)
	if err != nil || !f.node.match(g) {
		t.Errorf("groupTypes lambda: %v", err)
	}
}

func TestParseFilterRejects(t *testing.T) {
	cases := map[string]string{
		"":                                 "BadRequest",
		"displayName":                      "BadRequest",
		"displayName eq":                   "BadRequest",
		"displayName eq 'x' and":           "BadRequest",
		"displayName eq 'x')":              "BadRequest",
		"(displayName eq 'x'":              "BadRequest",
		"displayName gt 'x'":               "Request_UnsupportedQuery",
		"shoeSize eq 44":                   "Request_UnsupportedQuery",
		"startswith(shoeSize,'4')":         "Request_UnsupportedQuery",
		"contains(displayName,'a')":        "BadRequest",
		"displayName eq 'x' && id eq 'y'":  "BadRequest",
		"department in 'Sales'":            "BadRequest",
		"assignedLicenses/any(x:y eq 'a')": "BadRequest",
	}
	for src, code := range cases {
		_, err := parseFilter(src, userKind)
		var ge *graphError
		if !errors.As(err, &ge) || ge.Code != code || ge.Status != 400 {
			t.Errorf("%q: %v, want a 400 %s", src, err, code)
		}
	}
}

// FuzzFilter checks that no $filter, however malformed, panics the parser
// or the matcher, and that every refusal is a 400 Graph error.
func FuzzFilter(f *testing.F) {
	for _, seed := range []string{
		"displayName eq 'x'", "startswith(displayName,'a') or not(accountEnabled eq true)",
		"department in ('a','b') and (userType eq 'Guest')", "assignedLicenses/any(x:x/skuId eq 6fd2c87f-b296-42f0-b197-1e91e994b900)",
		"groupTypes/any(c:c eq 'Unified')", "((((", "'", "x eq 'it''s'", "id eq 12.5e3",
	} {
		f.Add(seed)
	}
	u := &user{ID: "1", DisplayName: "Megan", Licenses: []assignedLicense{{SkuID: skuE3}}}
	f.Fuzz(func(t *testing.T, src string) {
		for _, kind := range []*entityKind{userKind, groupKind, directoryObjectKind} {
			flt, err := parseFilter(src, kind)
			if err != nil {
				var ge *graphError
				if !errors.As(err, &ge) || ge.Status != 400 {
					t.Fatalf("%q: %v is not a 400 Graph error", src, err)
				}
				continue
			}
			flt.node.match(u)
			flt.node.match(&group{ID: "2"})
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
	items := []entity{
		&user{ID: "a", DisplayName: "Ann"}, &user{ID: "b", DisplayName: "Bob", Mail: "bob@x.example"},
		&group{ID: "c", DisplayName: "Crew"},
	}
	f.Fuzz(func(t *testing.T, query string, eventual bool) {
		r := &http.Request{URL: &url.URL{Path: "/users", RawQuery: query}, Header: http.Header{}}
		if eventual {
			r.Header.Set("ConsistencyLevel", "eventual")
		}
		for _, kind := range []*entityKind{userKind, directoryObjectKind} {
			q, err := parseListQuery(r, kind)
			if err != nil {
				var ge *graphError
				if !errors.As(err, &ge) || ge.Status != http.StatusBadRequest {
					t.Fatalf("%q: %v is not a 400 Graph error", query, err)
				}
				continue
			}
			p := paginate(items, q)
			if len(p.items) > q.Top || p.total > len(items) {
				t.Fatalf("%q: page of %d, total %d", query, len(p.items), p.total)
			}
		}
	})
}
