package ldap

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
)

// TestSetupAndPanelFitALaptopScreen checks the secure LDAP page, after a
// test, and its panel, with a group's members listed, fit a 1366×768
// laptop's screen at 100%, 125% and 150%.
func TestSetupAndPanelFitALaptopScreen(t *testing.T) {
	h := newHarness(t)
	s := NewSetup(h.deps, nil, func(string) {})
	test.NewTempWindow(t, s.View())
	typeSettings(s, h.srv, slapdtest.BindPassword)
	test.Tap(s.test)
	h.waitFor(t, "the test", func() bool { return !s.test.Disabled() })
	kittest.AssertFits(t, "the secure LDAP page", s.View())

	savedConnection(t, h, "Managed domain")
	p := NewPanel(h.deps, "Managed domain", nil, nil)
	defer p.Close()
	test.NewTempWindow(t, p.View())
	h.waitFor(t, "users and groups", func() bool { return len(p.users.items) > 0 && len(p.groups.items) > 0 })
	p.tabs.SelectIndex(1)
	p.groups.list.Select(0)
	h.waitFor(t, "the members", func() bool { return len(p.members) > 0 })
	kittest.AssertFits(t, "the secure LDAP panel", p.View())
}
