package setupwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// Titles of the choices that are not Microsoft clouds.
const (
	cloudCustomTitle = "Custom addresses (a test tenant or a proxy)"
	cloudDemoTitle   = "Demo tenant on this computer (simulation)"
)

// cloudStep chooses the Microsoft cloud; the choice sits under
// "Advanced", since nearly everyone keeps the global cloud.
type cloudStep struct {
	v         *Wizard
	summary   *widget.Label
	choice    *widget.Select
	authority *validatedEntry
	graph     *validatedEntry
	custom    *fyne.Container
	advanced  *widget.Accordion
	trust     *customHostsTrust

	authorityErr, graphErr, cloudErr *widget.Label
	names                            map[string]string // title -> cloud name
}

func newCloudStep(v *Wizard) *cloudStep {
	s := &cloudStep{v: v, summary: wrappedLabel(""), names: map[string]string{},
		authorityErr: newFieldError(), graphErr: newFieldError(), cloudErr: newFieldError()}
	var titles []string
	if v.deps.Demo != nil {
		titles = append(titles, cloudDemoTitle)
		s.names[cloudDemoTitle] = keystore.CloudDemo
	}
	for _, c := range oauth.Clouds {
		titles = append(titles, c.Title)
		s.names[c.Title] = c.Name
	}
	titles = append(titles, cloudCustomTitle)
	s.names[cloudCustomTitle] = keystore.CloudCustom
	s.choice = widget.NewSelect(titles, s.onChoose)

	s.authority = newValidatedEntry(v, "https://login.microsoftonline.com")
	s.trust = newCustomHostsTrust(v)
	s.trust.onChanged = s.trustChanged
	s.authority.OnChanged = func(text string) { s.v.wz.State.Authority = text; s.checkAddresses(false) }
	s.graph = newValidatedEntry(v, "https://graph.microsoft.com")
	s.graph.OnChanged = func(text string) { s.v.wz.State.Graph = text; s.checkAddresses(false) }
	s.custom = container.NewVBox(
		widget.NewLabel("Sign-in address"), s.authority, s.authorityErr,
		widget.NewLabel("Microsoft Graph address"), s.graph, s.graphErr, s.trust.box)
	return s
}

func (s *cloudStep) view() fyne.CanvasObject {
	s.advanced = widget.NewAccordion(widget.NewAccordionItem("Advanced: choose another cloud",
		container.NewVBox(
			wrappedLabel("Government and China tenants live in separate Microsoft clouds with their own addresses. "+
				"If you sign in to portal.azure.us or portal.azure.cn, choose that cloud here."),
			s.choice, s.cloudErr, s.custom)))
	return container.NewVBox(s.summary, s.advanced)
}

func (s *cloudStep) shown() {
	st := s.v.wz.State
	for title, name := range s.names {
		if name == st.Cloud {
			s.choice.SetSelected(title)
		}
	}
	s.authority.SetText(st.Authority)
	s.graph.SetText(st.Graph)
	s.refresh()
	if st.Cloud != oauth.CloudGlobal && s.advanced != nil {
		s.advanced.Open(0)
	}
}

func (s *cloudStep) onChoose(title string) {
	defer s.v.relayout()
	s.v.wz.State.Cloud = s.names[title]
	s.refresh()
	s.v.recheck()
}

// refresh states the chosen cloud in words and shows the address fields
// for custom addresses only.
func (s *cloudStep) refresh() {
	switch cloud := s.v.wz.State.Cloud; cloud {
	case keystore.CloudDemo:
		s.summary.SetText("You are using the demo tenant, a simulation running on this computer. Press Next.")
	case keystore.CloudCustom:
		s.summary.SetText("You are using custom sign-in and Graph addresses.")
	default:
		title := "Microsoft Entra ID (global)"
		if c, ok := oauth.CloudByName(cloud); ok {
			title = c.Title
		}
		s.summary.SetText("Your tenant is in: " + title + ". Nearly every organization is in the global cloud; " +
			"if yours is too, just press Next.")
	}
	if s.v.wz.State.Cloud == keystore.CloudCustom {
		s.custom.Show()
	} else {
		s.custom.Hide()
	}
	s.trust.refresh()
	setWizardMessage(s.cloudErr, "")
}

// checkAddresses shows what is wrong with the typed addresses; while the
// admin types, only fields with text are judged.
func (s *cloudStep) checkAddresses(all bool) {
	defer s.v.relayout()
	for _, f := range []struct {
		field flow.Field
		entry *validatedEntry
		label *widget.Label
	}{{flow.FieldAuthority, s.authority, s.authorityErr}, {flow.FieldGraph, s.graph, s.graphErr}} {
		msg := ""
		if all || f.entry.Text != "" {
			msg = s.v.wz.FieldError(f.field)
		}
		setWizardMessage(f.label, msg)
	}
	s.trust.refresh()
	s.trustChanged()
}

// trustChanged updates the messages that depend on the custom hosts being
// trusted.
func (s *cloudStep) trustChanged() {
	if s.cloudErr.Visible() {
		setWizardMessage(s.cloudErr, s.v.wz.FieldError(flow.FieldCloud))
	}
	s.v.recheck()
}

func (s *cloudStep) showFieldErrors() {
	defer s.v.relayout()
	setWizardMessage(s.cloudErr, s.v.wz.FieldError(flow.FieldCloud))
	if s.v.wz.State.Cloud == keystore.CloudCustom {
		s.checkAddresses(true)
	}
	s.advanced.Open(0)
}
