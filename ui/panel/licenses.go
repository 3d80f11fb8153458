package panel

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
)

// licensesView shows a user's licenses, lets the admin remove them (after
// asking) and assign one of the tenant's products with the units still free.
type licensesView struct {
	p *Panel
	s *session
	// say shows the outcome of an action on a user where it belongs: the
	// details pane's status line while that user is shown.
	say   func(u graph.User, text string)
	user  graph.User
	shown int // numbers the users shown; answers for an earlier one are dropped

	assigned *fyne.Container
	removes  map[string]*widget.Button // by SKU id
	picker   *widget.Select
	assign   *featureGate
	// nothingLeft replaces the picker when the user has every product: an
	// empty drop-down opens nothing and swallows the next click.
	nothingLeft *widget.Label
	pickerRow   *fyne.Container

	removeConfirm *confirmDialog // the last "remove license" question
	// resized is told when the area's lines changed, so the pane around
	// it gives them room; nil: nobody needs to know.
	resized func()

	skus     []graph.SKU
	licenses []graph.License
	loading  bool
}

func newLicensesView(p *Panel, say func(graph.User, string)) *licensesView {
	l := &licensesView{p: p, say: say, assigned: container.NewVBox(), removes: map[string]*widget.Button{},
		nothingLeft: wrappedLabel("")}
	l.picker = widget.NewSelect(nil, func(string) { l.assign.setReady(l.picker.SelectedIndex() >= 0) })
	l.picker.PlaceHolder = "Choose a product"
	l.assign = newFeatureGate("Assign", theme.ContentAddIcon(), graph.Licenses, l.onAssign)
	l.assign.setReady(false)
	l.nothingLeft.Hide()
	l.pickerRow = container.NewBorder(nil, nil, nil, l.assign.button, l.picker)
	return l
}

func (l *licensesView) view() fyne.CanvasObject {
	return container.NewVBox(l.assigned, l.pickerRow, l.nothingLeft, permissionNotes(l.assign))
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
	l.relayout()
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
			l.assigned.Objects = []fyne.CanvasObject{wrappedLabel(deniedLine("The licenses", "read the licenses", err))}
			l.assigned.Refresh()
			l.showPicker(nil, "")
			return
		}
		l.licenses, l.skus = licenses, skus
		l.render()
		if skuErr != nil {
			l.showPicker(nil, deniedLine("The products to assign", "list the tenant's products", skuErr))
		}
	})
}

// deniedLine says in one line which permission would show what a refused
// read hides: the least of those that allow it, the one to ask for, as the
// feature notes do. Other errors keep their full explanation.
func deniedLine(what, doing string, err error) string {
	ge, ok := graph.AsError(err)
	if !ok || !errors.Is(err, graph.ErrDenied) || len(ge.Needs) == 0 {
		return errorText(doing, err)
	}
	return what + " need the " + ge.Needs[0] + " permission."
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
		name := widget.NewLabel(productTitle(lic.ProductName, lic.PartNumber, lic.SKUID))
		name.Wrapping = fyne.TextWrapWord
		l.assigned.Add(container.NewBorder(nil, nil, nil, remove, name))
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
	left := ""
	if len(options) == 0 && len(l.skus) > 0 {
		left = "Nothing left to assign: " + l.user.DisplayName + " already has every product this tenant has."
	}
	l.showPicker(options, left)
}

// showPicker offers the options, or says why there are none instead.
func (l *licensesView) showPicker(options []string, why string) {
	l.picker.SetOptions(options)
	l.picker.ClearSelected()
	l.assign.setReady(false)
	if len(options) > 0 {
		l.picker.Enable()
		l.pickerRow.Show()
		l.nothingLeft.Hide()
		l.relayout()
		return
	}
	l.picker.Disable()
	l.pickerRow.Hide()
	l.nothingLeft.SetText(why)
	l.nothingLeft.Show()
	if why == "" {
		l.nothingLeft.Hide()
	}
	l.relayout()
}

func (l *licensesView) relayout() {
	if l.resized != nil {
		l.resized()
	}
}

// productTitle names a product by Microsoft's name with its part number
// second, "Office 365 E3 (ENTERPRISEPACK)", or by the part number alone
// when Microsoft's table does not know it.
func productTitle(name, part, id string) string {
	switch {
	case name != "" && part != "":
		return name + " (" + part + ")"
	case name != "":
		return name
	case part != "":
		return part
	}
	return id
}

// skuOption names a product with the tenant's units: they are the tenant's,
// not the user's, so the words say so.
func skuOption(s graph.SKU) string {
	return fmt.Sprintf("%s · %s in tenant, %s free", productTitle(s.ProductName, s.PartNumber, s.ID), number(s.Enabled), number(s.Free()))
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
	title := productTitle(sku.ProductName, sku.PartNumber, sku.ID)
	if sku.Free() <= 0 {
		l.say(u, fmt.Sprintf("No free %s licenses are left. Buy more or remove one from another user first.", title))
		return
	}
	l.assign.setReady(false)
	l.say(u, "Assigning "+title+"…")
	l.p.background(s, func(ctx context.Context) error {
		return s.client.AssignLicense(ctx, u.ID, sku.ID)
	}, func(err error) {
		if err != nil {
			l.assign.setReady(true)
			l.say(u, errorText("assign "+title+" to "+u.DisplayName, err))
			return
		}
		l.say(u, title+" assigned to "+u.DisplayName+".")
		if l.user.ID == u.ID {
			l.show(u)
		}
	})
}

// onRemove asks first: removing a license takes the user's mailbox, files
// and apps out of reach at once.
func (l *licensesView) onRemove(lic graph.License) {
	u := l.user
	title := productTitle(lic.ProductName, lic.PartNumber, lic.SKUID)
	msg := fmt.Sprintf("Remove %s from %s? They lose the apps and services it includes at once; their data is kept for a while, and assigning it again brings it back.", title, u.DisplayName)
	l.removeConfirm = newConfirmDialog(l.p.cfg.Window, "Remove license", msg, "Remove", "", func() { l.remove(u, lic, title) })
	l.removeConfirm.dialog.Show()
}

func (l *licensesView) remove(u graph.User, lic graph.License, title string) {
	s := l.s
	if b := l.removes[lic.SKUID]; b != nil {
		b.Disable()
	}
	l.p.background(s, func(ctx context.Context) error {
		return s.client.RemoveLicense(ctx, u.ID, lic.SKUID)
	}, func(err error) {
		if err != nil {
			if b := l.removes[lic.SKUID]; b != nil {
				b.Enable()
			}
			l.say(u, errorText("remove "+title+" from "+u.DisplayName, err))
			return
		}
		l.say(u, title+" removed from "+u.DisplayName+".")
		if l.user.ID == u.ID {
			l.show(u)
		}
	})
}
