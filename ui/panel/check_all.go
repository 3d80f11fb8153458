package panel

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
)

// newCheckButtons makes the users tab's "Check all results" and
// "Uncheck all": a bulk change for everyone a search finds, not only the
// rows loaded so far, without clicking each.
func (t *usersTab) newCheckButtons() (checkAll, uncheckAll *widget.Button) {
	checkAll = widget.NewButtonWithIcon("Check all results", theme.CheckButtonCheckedIcon(), t.onCheckAll)
	uncheckAll = widget.NewButtonWithIcon("Uncheck all", theme.CheckButtonIcon(), t.list.clearChecked)
	checkAll.Disable()
	uncheckAll.Disable()
	return checkAll, uncheckAll
}

// onCheckAll checks every user the current search finds, reading the
// pages not loaded yet.
func (t *usersTab) onCheckAll() {
	s, search := t.s, strings.TrimSpace(t.list.search.Text)
	t.checkAll.Disable()
	t.say("Checking every user the search finds…")
	var all []graph.User
	t.p.background(s, func(ctx context.Context) (err error) {
		all, err = s.client.Users(graph.UserQuery{Search: search, Top: exportPage}).All(ctx)
		return err
	}, func(err error) {
		t.checkAll.Enable()
		if err != nil {
			t.say(errorText("check every user found", err))
			return
		}
		t.list.checkAll(all)
		t.say("")
	})
}

// checkedText says how many users are checked and how many of them the
// list does not show, which a bulk change includes all the same.
func checkedText(n, hidden int) string {
	text := number(n) + " checked"
	if hidden > 0 {
		text += ", " + number(hidden) + " not shown"
	}
	return text
}
