package setupwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// customHostsTrust warns, naming the host, when the custom addresses are
// neither Microsoft's nor this computer's, and asks the admin to trust them
// explicitly before the secret and tokens may go there.
type customHostsTrust struct {
	v       *Wizard
	warning *widget.Label
	check   *widget.Check
	box     *fyne.Container
	// hosts are the hosts the warning names now.
	hosts string
	// onChanged hears the admin tick or clear the box.
	onChanged func()
}

func newCustomHostsTrust(v *Wizard) *customHostsTrust {
	t := &customHostsTrust{v: v, warning: wrappedLabel("")}
	t.warning.Importance = widget.WarningImportance
	t.check = widget.NewCheck("", t.onCheck)
	t.box = container.NewVBox(t.warning, t.check)
	t.box.Hide()
	return t
}

// refresh shows the warning for the hosts typed now; the check box is
// ticked only while the admin trusts exactly these hosts.
func (t *customHostsTrust) refresh() {
	defer t.v.relayout()
	st := t.v.wz.State
	t.hosts = st.CustomHosts()
	if st.TrustedHosts != t.hosts {
		// Trust is for the hosts it was given to: forget it once they change.
		t.v.wz.State.TrustedHosts = ""
	}
	if t.hosts == "" {
		t.box.Hide()
		return
	}
	t.warning.SetText("Warning: " + t.hosts + " is not a Microsoft address. The client secret and the sign-in tokens " +
		"will be sent to " + t.hosts + ". Go on only if it is your own proxy or test tenant; a mistyped or " +
		"unknown address could steal them.")
	t.check.Text = "I trust " + t.hosts + " with the client secret and tokens"
	t.check.Checked = st.TrustedHosts == t.hosts
	t.check.Refresh()
	t.box.Show()
}

func (t *customHostsTrust) onCheck(on bool) {
	if on {
		t.v.wz.State.TrustedHosts = t.hosts
	} else {
		t.v.wz.State.TrustedHosts = ""
	}
	if t.onChanged != nil {
		t.onChanged()
	}
}
