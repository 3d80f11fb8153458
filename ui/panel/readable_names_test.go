package panel

import (
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// Counts such as "Showing 200 of 5,000 members" are also checked in
// TestPanelFindsAMemberOfAGroupOfThousands.
func TestNumberSeparatesThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 20001: "20,001", 1234567: "1,234,567", -5000: "-5,000"} {
		if got := number(n); got != want {
			t.Errorf("number(%d) = %q, want %q", n, got, want)
		}
	}
}

// A guest shows the address they were invited with, not the #EXT# name
// Entra made from it, in the list, the details and a group's members.
func TestGuestsShowTheAddressTheyWereInvitedWith(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUserWhere("Ravi", func(u graph.User) bool { return u.UserType == "Guest" })
	if !strings.Contains(u.UserPrincipalName, "#EXT#") {
		t.Fatalf("the guest's name is %q", u.UserPrincipalName)
	}
	const want = "ravi.kumar@contoso.example (guest)"
	if row := userRow(u); row != u.DisplayName+" · "+want {
		t.Errorf("the guest's row says %q", row)
	}
	if got := h.panel.users.details.upn.Text; got != want {
		t.Errorf("the guest's details say %q", got)
	}
	// A group's members carry no mail: the address is read from the name.
	mb := graph.Member{DisplayName: u.DisplayName, Type: "user", UserPrincipalName: u.UserPrincipalName}
	if row := memberRow(mb); row != u.DisplayName+" · "+want {
		t.Errorf("the guest's member row says %q", row)
	}
}
