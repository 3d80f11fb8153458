package setupwizard

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// TestWizardAsksWhenAHandTypedSecretExpires saves a client secret typed
// by hand with an app that may not read its own registration: the save
// step asks for its expiry and says why it asks, refuses a date that is not
// one or has passed, saves the one given so the panel can warn, and says
// when replacing a connection would forget a known expiry.
func TestWizardAsksWhenAHandTypedSecretExpires(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	p, sec := secretProfile(h.info, "Northwind Traders (demo)")
	old := time.Now().AddDate(0, 2, 0)
	p.SecretExpires = &old
	if _, err := h.store.Save(p, sec); err != nil {
		t.Fatal(err)
	}
	h.startDemo(methodSecretLabel, flow.StepTest)
	h.runTest()
	h.next(flow.StepSave)
	e := h.v.save.expiry
	if !e.box.Visible() || e.known.Visible() {
		t.Fatal("the save step does not ask when the secret expires")
	}
	if !e.why.Visible() || !strings.Contains(e.why.Text, "Application.Read.All") {
		t.Errorf("the question does not say why it is asked: %q", e.why.Text)
	}
	h.v.save.name.SetText(p.Name)
	if !strings.Contains(h.v.save.replaces.Text, "knows its secret expires") {
		t.Errorf("replacing warns %q", h.v.save.replaces.Text)
	}
	for _, bad := range []string{"30/06/2027", "2020-01-31"} {
		e.entry.SetText(bad)
		test.Tap(h.v.next)
		if h.v.wz.Step() != flow.StepSave || !e.problem.Visible() {
			t.Fatalf("%q was taken: step %v", bad, h.v.wz.Step())
		}
	}
	want := time.Now().AddDate(0, 5, 0).Format(time.DateOnly)
	e.entry.SetText(want)
	if strings.Contains(h.v.save.replaces.Text, "knows its secret expires") {
		t.Error("the warning stays once an expiry is typed")
	}
	test.Tap(h.v.next)
	h.q.until(t, "saving", func() bool { return h.v.wz.Step() == flow.StepDone })
	got, err := h.store.Get(p.Name)
	if err != nil || got.SecretExpires == nil || got.SecretExpires.Local().Format(time.DateOnly) != want {
		t.Fatalf("saved expiry %v (%v), want %s", got.SecretExpires, err, want)
	}
}

// TestWizardReadsAHandTypedSecretsExpiryFromGraph saves a client secret
// typed by hand with an app granted Application.Read.All: the test reads
// the secret's expiry from the app's registration, the save step shows it
// instead of asking, and the saved connection keeps it with the app's
// object id and the secret's key id, which renewing uses.
func TestWizardReadsAHandTypedSecretsExpiryFromGraph(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	if err := h.tenant.GrantAppPermission(h.info.ClientID, "Application.Read.All"); err != nil {
		t.Fatal(err)
	}
	h.startDemo(methodSecretLabel, flow.StepTest)
	h.runTest()
	h.next(flow.StepSave)
	e := h.v.save.expiry
	const want = "2099-12-31"
	if e.box.Visible() || !e.known.Visible() || !strings.Contains(e.known.Text, want) {
		t.Fatalf("the save step asks (%v) or does not show the expiry Graph lists: %q", e.box.Visible(), e.known.Text)
	}
	h.v.save.name.SetText("Northwind Traders (demo)")
	test.Tap(h.v.next)
	h.q.until(t, "saving", func() bool { return h.v.wz.Step() == flow.StepDone })
	got, err := h.store.Get("Northwind Traders (demo)")
	if err != nil || got.SecretExpires == nil || got.SecretExpires.UTC().Format(time.DateOnly) != want {
		t.Fatalf("saved expiry %v (%v), want %s", got.SecretExpires, err, want)
	}
	apps := h.tenant.AppsNamed("Entra Setup Wizard")
	if len(apps) != 1 || got.AppObjectID != apps[0].ObjectID || got.SecretKeyID == "" {
		t.Errorf("saved app object id %q and key id %q; the registration is %+v", got.AppObjectID, got.SecretKeyID, apps)
	}
}
