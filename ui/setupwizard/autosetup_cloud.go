package setupwizard

import (
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// setupCloudPicker chooses the Microsoft cloud "Set it up for me" signs in
// to: the global cloud, US Government or China (and the demo tenant while it
// runs). Custom addresses are for the guided path and the command line.
type setupCloudPicker struct {
	v      *Wizard
	choice *widget.Select
	names  map[string]string // title -> cloud name
}

func newSetupCloudPicker(v *Wizard) *setupCloudPicker {
	p := &setupCloudPicker{v: v, names: map[string]string{}}
	var titles []string
	if v.deps.Demo != nil {
		titles = append(titles, cloudDemoTitle)
		p.names[cloudDemoTitle] = keystore.CloudDemo
	}
	for _, c := range oauth.Clouds {
		titles = append(titles, c.Title)
		p.names[c.Title] = c.Name
	}
	p.choice = widget.NewSelect(titles, nil)
	p.choice.SetSelected(titles[0])
	return p
}

// endpoints resolves the chosen cloud through the connection engine.
func (p *setupCloudPicker) endpoints() (oauth.Endpoints, error) {
	cloud, ok := p.names[p.choice.Selected]
	if !ok {
		cloud = oauth.CloudGlobal
	}
	return connection.Resolve(cloud, "", "", p.v.deps.Demo)
}
