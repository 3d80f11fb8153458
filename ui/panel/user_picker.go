package panel

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// userPicker is a dialog to search users and check the ones to pick.
type userPicker struct {
	list   *searchList[graph.User]
	pick   *kit.Button
	cancel *kit.Button
	dialog *kit.Dialog
}

func newUserPicker(p *Panel, s *session, title string, picked func([]graph.User)) *userPicker {
	u := &userPicker{}
	u.list = newSearchList(p.cfg.Do, "users", func(x graph.User) string { return x.ID }, userRow)
	u.list.checkable = true
	u.pick = kit.NewButtonWithIcon("Add", theme.ConfirmIcon(), func() {
		u.dialog.Hide()
		picked(u.list.checkedItems())
	})
	u.pick.Importance = widget.HighImportance
	u.pick.Disable()
	u.list.onChecked = func(n int) {
		u.pick.SetText("Add " + number(n))
		if n > 0 {
			u.pick.Enable()
		} else {
			u.pick.Disable()
		}
	}
	u.cancel = kit.NewButton("Cancel", func() { u.dialog.Hide() })
	d := dialog.NewCustomWithoutButtons(title, u.list.view(), p.cfg.Window)
	d.SetButtons([]fyne.CanvasObject{u.cancel, u.pick})
	d.Resize(kit.DialogSize(p.cfg.Window, fyne.NewSize(520, 460)))
	u.dialog = kit.NewDialog(p.cfg.Window, d, u.list.search, u.pick.Press)
	u.list.start(s.ctx, func(search string) *graph.Pager[graph.User] {
		return s.client.Users(graph.UserQuery{Search: search, Top: pageSize})
	})
	return u
}
