package panel

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
)

// licensesView shows a user's licenses, lets the admin remove them and
// assign one of the tenant's products with the units still free.
type licensesView struct {
	p      *Panel
	s      *session
	status *widget.Label // the details pane's status line
	user   graph.User
	shown  int // numbers the users shown; answers for an earlier one are dropped

	assigned *fyne.Container
	removes  map[string]*widget.Button // by SKU id
	picker   *widget.Select
	assign   *featureGate

	skus     []graph.SKU
	licenses []graph.License
	loading  bool
}

func newLicensesView(p *Panel, status *widget.Label) *licensesView {
	l := &licensesView{p: p, status: status, assigned: container.NewVBox(), removes: map[string]*widget.Button{}}
	l.picker = widget.NewSelect(nil, func(string) { l.assign.setReady(l.picker.SelectedIndex() >= 0) })
	l.picker.PlaceHolder = "Choose a product"
	l.assign = newFeatureGate("Assign", theme.ContentAddIcon(), graph.Licenses, l.onAssign)
	l.assign.setReady(false)
	return l
}

func (l *licensesView) view() fyne.CanvasObject {
	return container.NewVBox(l.assigned, container.NewBorder(nil, nil, nil, l.assign.button, l.picker), permissionNotes(l.assign))
}

func (l *licensesView) start(s *session) {
	l.s = s
	l.skus = nil
	l.assign.apply(s.report)
}

// show loads a user's licenses and the tenant's products.
func (l *licensesView) show(u graph.User) {
	l.user = u
	l.shown++
	shown, s := l.shown, l.s
	l.assigned.Objects = []fyne.CanvasObject{widget.NewLabel("Loading…")}
	l.assigned.Refresh()
	l.loading = true
	var licenses []graph.License
	var skus []graph.SKU
	var skuErr error
	l.p.background(s, func(ctx context.Context) (err error) {
		if licenses, err = s.client.UserLicenses(ctx, u.ID); err != nil {
			return err
		}
		// Without the products the assigned licenses still show.
		skus, skuErr = s.client.SKUs(ctx)
		return nil
	}, func(err error) {
		if shown != l.shown {
			return
		}
		l.loading = false
		if err != nil {
			l.assigned.Objects = []fyne.CanvasObject{wrappedLabel(errorText("read the licenses", err))}
			l.assigned.Refresh()
			return
		}
		l.licenses, l.skus = licenses, skus
		l.render()
		if skuErr != nil {
			l.assigned.Add(wrappedLabel(errorText("list the tenant's products", skuErr)))
		}
	})
}

// render shows the assigned licenses and the products left to assign.
func (l *licensesView) render() {
	l.assigned.Objects = nil
	clear(l.removes)
	has := map[string]bool{}
	for _, lic := range l.licenses {
		has[lic.SKUID] = true
		remove := widget.NewButtonWithIcon("Remove", theme.ContentRemoveIcon(), func() { l.onRemove(lic) })
		if !l.assign.allowed {
			remove.Disable()
		}
		l.removes[lic.SKUID] = remove
		l.assigned.Add(container.NewBorder(nil, nil, nil, remove, widget.NewLabel(l.productName(lic.SKUID, lic.PartNumber))))
	}
	if len(l.licenses) == 0 {
		l.assigned.Add(widget.NewLabel("No licenses assigned."))
	}
	l.assigned.Refresh()
	var options []string
	for _, sku := range l.skus {
		if !has[sku.ID] {
			options = append(options, skuOption(sku))
		}
	}
	l.picker.SetOptions(options)
	l.picker.ClearSelected()
	l.assign.setReady(false)
}

func (l *licensesView) productName(skuID, part string) string {
	for _, sku := range l.skus {
		if sku.ID == skuID {
			return skuOption(sku)
		}
	}
	if part != "" {
		return part
	}
	return skuID
}

// skuOption names a product with its free units.
func skuOption(s graph.SKU) string {
	return fmt.Sprintf("%s (%d of %d free)", s.PartNumber, s.Free(), s.Enabled)
}

func (l *licensesView) selectedSKU() (graph.SKU, bool) {
	want := l.picker.Selected
	for _, sku := range l.skus {
		if skuOption(sku) == want {
			return sku, true
		}
	}
	return graph.SKU{}, false
}

func (l *licensesView) onAssign() {
	sku, ok := l.selectedSKU()
	if !ok {
		return
	}
	u, s := l.user, l.s
	if sku.Free() <= 0 {
		l.status.SetText(fmt.Sprintf("No free %s licenses are left. Buy more or remove one from another user first.", sku.PartNumber))
		return
	}
	l.assign.setReady(false)
	l.status.SetText("Assigning " + sku.PartNumber + "…")
	l.p.background(s, func(ctx context.Context) error {
		return s.client.AssignLicense(ctx, u.ID, sku.ID)
	}, func(err error) {
		if err != nil {
			l.assign.setReady(true)
			l.status.SetText(errorText("assign "+sku.PartNumber+" to "+u.DisplayName, err))
			return
		}
		l.status.SetText(sku.PartNumber + " assigned to " + u.DisplayName + ".")
		if l.user.ID == u.ID {
			l.show(u)
		}
	})
}

func (l *licensesView) onRemove(lic graph.License) {
	u, s := l.user, l.s
	if b := l.removes[lic.SKUID]; b != nil {
		b.Disable()
	}
	name := l.productName(lic.SKUID, lic.PartNumber)
	l.p.background(s, func(ctx context.Context) error {
		return s.client.RemoveLicense(ctx, u.ID, lic.SKUID)
	}, func(err error) {
		if err != nil {
			if b := l.removes[lic.SKUID]; b != nil {
				b.Enable()
			}
			l.status.SetText(errorText("remove "+name+" from "+u.DisplayName, err))
			return
		}
		l.status.SetText(lic.PartNumber + " removed from " + u.DisplayName + ".")
		if l.user.ID == u.ID {
			l.show(u)
		}
	})
}
