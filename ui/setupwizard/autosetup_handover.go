package setupwizard

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/provision"
)

// handOver is what "Register the app myself instead" asks when setup has
// created things: keep the app and carry its IDs to the guided steps, or
// remove what was created. Either way no secret nobody saw stays behind.
type handOver struct {
	box         *widget.Card
	text        *widget.Label
	keep, erase *widget.Button
}

func newHandOver(s *autoSetupStep) *handOver {
	h := &handOver{text: wrappedLabel("")}
	h.keep = widget.NewButton("Keep the app and carry its IDs over", s.onKeepApp)
	h.keep.Importance = widget.HighImportance
	h.erase = widget.NewButton("Remove what was created, then register myself", s.onEraseAndLeave)
	h.box = widget.NewCard("", "", container.NewVBox(h.text, container.NewHBox(h.keep, h.erase)))
	h.box.Hide()
	return h
}

// wantsHandOver reports whether leaving for the guided steps must first
// settle what setup created.
func (s *autoSetupStep) wantsHandOver() bool {
	return s.failed != nil && s.failed.State.Created.Any() && s.failed.State.Created.AppID != ""
}

// askHandOver shows the two ways on.
func (s *autoSetupStep) askHandOver() {
	c := s.failed.State.Created
	s.hand.text.SetText(fmt.Sprintf("Setup created the app registration with client ID %s in this tenant. "+
		"Keep it, and the guided steps start with its client ID and tenant filled in; the certificate or "+
		"secret setup made (which nobody has seen) is removed, and you make one of your own in the portal. "+
		"Or remove everything setup created and register an app from the start.", c.AppID))
	s.hand.box.Show()
	s.v.relayout()
}

// onKeepApp removes the credential nobody saw and opens the guided steps
// with the app's IDs.
func (s *autoSetupStep) onKeepApp() {
	st := s.failed.State
	s.running = true
	s.refresh()
	go func() {
		err := s.setup.DropCredential(context.Background(), st)
		s.v.deps.Do(func() {
			s.running = false
			s.refresh()
			if err != nil {
				setWizardMessage(s.problem, "Could not remove the certificate or secret setup made: "+err.Error())
				return
			}
			s.carryOver(st)
			s.v.leaveAutoSetup()
		})
	}()
}

// onEraseAndLeave removes what was created, then opens the guided steps.
func (s *autoSetupStep) onEraseAndLeave() {
	s.afterRemove = s.v.leaveAutoSetup
	s.onRemove()
}

// carryOver fills the guided steps with the app setup registered: its
// client ID, the tenant, the cloud and the way it signs in.
func (s *autoSetupStep) carryOver(st *provision.State) {
	w := s.v.wz
	r := st.Request
	w.SetMethod(guidedMethods[r.Method])
	w.State.ClientID, w.State.Tenant, w.State.Secret = st.Created.AppID, st.TenantID, ""
	w.State.Cloud, w.State.Authority, w.State.Graph = r.Endpoints.Cloud, r.Endpoints.Authority, r.Endpoints.Graph
	if w.State.Cloud == "" {
		w.State.Cloud = oauth.CloudGlobal
	}
	s.hand.box.Hide()
}

// guidedMethods are provision's methods in the guided steps' spelling.
var guidedMethods = map[string]string{
	provision.MethodCertificate: keystore.MethodCertificate,
	provision.MethodSecret:      keystore.MethodClientSecret,
	provision.MethodBrowser:     keystore.MethodBrowser,
}
