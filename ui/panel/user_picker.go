package panel

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// userPicker is a dialog to search users and check the ones to pick, or,
// made by newOneUserPicker, to choose one.
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
	u.list.onChecked = func(n int) {
		u.pick.SetText("Add " + number(n))
		enableIf(u.pick, n > 0)
	}
	u.open(p, s, title)
	return u
}

// newOneUserPicker is a dialog to choose one user, other than the one
// whose ID is not; pick names what choosing does, e.g. "Make manager".
func newOneUserPicker(p *Panel, s *session, title, pick, not string, picked func(graph.User)) *userPicker {
	u := &userPicker{}
	u.list = newSearchList(p.cfg.Do, "users", func(x graph.User) string { return x.ID }, userRow)
	var chosen graph.User
	u.pick = kit.NewButtonWithIcon(pick, theme.ConfirmIcon(), func() {
		u.dialog.Hide()
		picked(chosen)
	})
	u.list.onSelect = func(x graph.User) {
		chosen = x
		enableIf(u.pick, x.ID != not)
	}
	u.open(p, s, title)
	return u
}

// open shows the picker's dialog and loads the first page of users.
func (u *userPicker) open(p *Panel, s *session, title string) {
	u.pick.Importance = widget.HighImportance
	u.pick.Disable()
	u.cancel = kit.NewButton("Cancel", func() { u.dialog.Hide() })
	d := dialog.NewCustomWithoutButtons(title, u.list.view(), p.cfg.Window)
	d.SetButtons([]fyne.CanvasObject{u.cancel, u.pick})
	d.Resize(kit.DialogSize(p.cfg.Window, fyne.NewSize(520, 460)))
	u.dialog = kit.NewDialog(p.cfg.Window, d, u.list.search, u.pick.Press)
	u.list.start(s.ctx, func(search string) *graph.Pager[graph.User] {
		return s.client.Users(graph.UserQuery{Search: search, Top: pageSize})
	})
}

// enableIf enables b when on holds, and disables it otherwise.
func enableIf(b *kit.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
