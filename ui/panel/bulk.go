package panel

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// bulkItem is one directory object a bulk change adds or removes.
type bulkItem struct {
	ID   string
	Name string
	// UPN tells apart two people of the same name; "" for groups.
	UPN string
}

// label is the item as reports name it.
func (it bulkItem) label() string {
	switch {
	case it.Name == "":
		return it.ID
	case it.UPN != "":
		return it.Name + " (" + it.UPN + ")"
	}
	return it.Name
}

// bulkUsers turns users into bulk items.
func bulkUsers(users []graph.User) []bulkItem {
	items := make([]bulkItem, len(users))
	for i, u := range users {
		items[i] = bulkItem{ID: u.ID, Name: u.DisplayName, UPN: address(u.UserPrincipalName, u.Mail)}
	}
	return items
}

// bulkRun adds several users to a group or removes them from it, with a
// progress bar and a line per user saying what did and did not happen.
// Graph batches the requests and waits out throttling.
type bulkRun struct {
	p     *Panel
	s     *session
	items []bulkItem
	add   bool
	group *graph.Group
	done  func() // called on the UI goroutine once the change finished
	// say shows the outcome next to the button that started the change.
	say func(string)

	groups   *searchList[graph.Group] // nil when the group is given
	middle   *fyne.Container          // the group picker above the results, then the results alone
	who      *widget.Label            // whom the change is for
	target   *widget.Label
	start    *kit.Button
	close    *kit.Button
	progress *widget.ProgressBar
	summary  *widget.Label
	// results holds one line per item; its lines wrap rather than cut a
	// word off.
	results  *widget.Label
	lines    []string
	finished bool

	dialog *kit.Dialog
}

// newBulkRun builds the dialog. With group nil the admin first picks the
// group from a search list.
func newBulkRun(p *Panel, s *session, items []bulkItem, add bool, group *graph.Group, say func(string), done func()) *bulkRun {
	b := &bulkRun{p: p, s: s, items: items, add: add, group: group, say: say, done: done,
		target: widget.NewLabel(""), progress: widget.NewProgressBar(), summary: widget.NewLabel("")}
	b.summary.Wrapping = fyne.TextWrapWord
	b.results = wrappedLabel("")
	verb, title := "Add", bulkTitle(add, len(items), group)
	if !add {
		verb = "Remove"
	}
	b.start = kit.NewButtonWithIcon(verb, theme.ConfirmIcon(), b.onStart)
	b.start.Importance = widget.HighImportance
	b.close = kit.NewButton("Close", func() { b.dialog.Hide() })
	// Before it starts, the dialog says whom it will change; the progress
	// bar shows once there is progress.
	b.who = wrappedLabel(whoLine(add, items))
	b.progress.Hide()
	top := container.NewVBox(b.who, b.target)
	if group == nil {
		b.start.Disable()
		b.target.SetText("Choose the group:")
		b.groups = newSearchList(p.cfg.Do, "groups", func(g graph.Group) string { return g.ID }, groupRow)
		b.groups.onSelect = func(g graph.Group) {
			b.group = &g
			b.target.SetText("Group: " + g.DisplayName)
			b.start.Enable()
		}
		b.groups.start(s.ctx, func(search string) *graph.Pager[graph.Group] {
			return s.client.Groups(graph.GroupQuery{Search: search, Top: pageSize})
		})
	} else {
		b.target.SetText("Group: " + group.DisplayName)
	}
	// The group picker gives way to the results once the change starts.
	b.middle = container.NewStack(container.NewVScroll(b.results))
	if b.groups != nil {
		// The picker has the room to itself until the change starts: there
		// are no results to show yet.
		b.middle.Objects = []fyne.CanvasObject{b.groups.view()}
	}
	content := container.NewBorder(top, container.NewVBox(b.progress, b.summary), nil, nil, b.middle)
	d := dialog.NewCustomWithoutButtons(title, content, p.cfg.Window)
	d.SetButtons([]fyne.CanvasObject{b.close, b.start})
	d.Resize(kit.DialogSize(p.cfg.Window, fyne.NewSize(600, 560)))
	var first fyne.Focusable
	if b.groups != nil {
		first = b.groups.search
	}
	b.dialog = kit.NewDialog(p.cfg.Window, d, first, b.start.Press)
	return b
}

// onStart runs the change in the background. The report is shown even if
// the panel moved on meanwhile, so no change goes unreported.
func (b *bulkRun) onStart() {
	if b.group == nil || len(b.items) == 0 {
		return
	}
	b.start.Disable()
	b.progress.Show()
	b.middle.Objects = []fyne.CanvasObject{container.NewVScroll(b.results)}
	b.middle.Refresh()
	g, s, items := *b.group, b.s, b.items
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	b.summary.SetText("Working…")
	progress := func(done, total int) {
		b.p.cfg.Do(func() {
			if total > 0 && !b.finished {
				b.progress.SetValue(float64(done) / float64(total))
			}
		})
	}
	go func() {
		var results []graph.ItemResult
		if b.add {
			results = s.client.AddMembers(s.ctx, g.ID, ids, progress)
		} else {
			results = s.client.RemoveMembers(s.ctx, g.ID, ids, progress)
		}
		b.p.cfg.Do(func() { b.report(g, results) })
	}()
}

// report shows what happened to each item.
func (b *bulkRun) report(g graph.Group, results []graph.ItemResult) {
	b.finished = true
	b.progress.SetValue(1)
	items := make(map[string]bulkItem, len(b.items))
	for _, it := range b.items {
		items[it.ID] = it
	}
	var t bulkTally
	b.lines = b.lines[:0]
	for _, r := range results {
		it, ok := items[r.ID]
		if !ok {
			it = bulkItem{ID: r.ID}
		}
		b.lines = append(b.lines, t.add(b.add, it, r, g))
	}
	// Anything Graph gave no answer for did not happen either.
	if missing := len(b.items) - len(results); missing > 0 {
		t.failed += missing
		b.lines = append(b.lines, "✗ "+number(missing)+" more were not attempted")
	}
	b.summary.SetText(t.summary(b.add, len(b.items), g))
	// The dialog may have been closed meanwhile: the outcome also goes to
	// the status line next to the button that started it.
	b.say(b.summary.Text)
	b.results.SetText(strings.Join(b.lines, "\n"))
	b.p.membershipChanged(g, results)
	if b.done != nil {
		b.done()
	}
}

// bulkTally counts the outcomes of a bulk change: changed as asked, already
// as asked (a member already, for an add), not a member (for a removal),
// and failed.
type bulkTally struct{ changed, already, notMember, failed int }

// add counts one result and returns its line in the report.
func (t *bulkTally) add(adding bool, it bulkItem, r graph.ItemResult, g graph.Group) string {
	switch {
	case r.Err == nil && (!r.Already || !adding):
		// A removal answered "already gone" only after its own resent
		// request: this run removed it.
		t.changed++
		return "✓ " + it.label()
	case r.Err == nil || alreadyThere(adding, r.Err):
		// What the admin asked for is true: not a failure.
		t.already++
		return "✓ " + it.label() + " (already a member)"
	case !adding && errors.Is(r.Err, graph.ErrNotFound):
		t.notMember++
		return "✗ " + it.label() + ": was not a member of " + g.DisplayName
	}
	t.failed++
	return "✗ " + it.label() + ": " + itemError(r.Err)
}

// summary is the report's first line, e.g. "Added 1 of 2 users to Sales;
// 1 was already a member."
func (t bulkTally) summary(adding bool, n int, g graph.Group) string {
	out := fmt.Sprintf("Added %s of %s to %s", number(t.changed), count(n, "user", "users"), g.DisplayName)
	if !adding {
		out = fmt.Sprintf("Removed %s of %s from %s", number(t.changed), count(n, "user", "users"), g.DisplayName)
	}
	if t.already > 0 {
		out += "; " + count(t.already, "was already a member", "were already members")
	}
	if t.notMember > 0 {
		out += "; " + count(t.notMember, "was not a member", "were not members")
	}
	if t.failed > 0 {
		verb := "added"
		if !adding {
			verb = "removed"
		}
		out += fmt.Sprintf("; %s could not be %s", number(t.failed), verb)
	}
	return out + "."
}

// bulkTitle is the dialog's title, e.g. "Remove 2 members from Sales".
func bulkTitle(adding bool, n int, group *graph.Group) string {
	switch {
	case adding && group != nil:
		return "Add " + count(n, "user", "users") + " to " + group.DisplayName
	case adding:
		return "Add " + count(n, "user", "users") + " to a group"
	case group != nil:
		return "Remove " + count(n, "member", "members") + " from " + group.DisplayName
	}
	return "Remove " + count(n, "user", "users") + " from a group"
}

// whoShown is how many names the dialog lists before it starts.
const whoShown = 8

// whoLine names the users a bulk change is for, the first few by name.
func whoLine(adding bool, items []bulkItem) string {
	verb := "Adds "
	if !adding {
		verb = "Removes "
	}
	names := make([]string, 0, whoShown)
	for _, it := range items[:min(len(items), whoShown)] {
		names = append(names, it.label())
	}
	line := verb + strings.Join(names, ", ")
	if more := len(items) - len(names); more > 0 {
		line += " and " + count(more, "other", "others")
	}
	return line + "."
}

// count is n with the singular or plural words after it.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return number(n) + " " + many
}

// alreadyThere reports whether an item of an add failed only because it
// was a member already: what the admin asked for is true. Removing someone
// who is not a member stays a failure, since the admin may have picked the
// wrong person or group.
func alreadyThere(add bool, err error) bool {
	return add && errors.Is(err, graph.ErrConflict)
}

// itemError explains why one item of a bulk change failed.
func itemError(err error) string {
	if ge, ok := graph.AsError(err); ok {
		return ge.Plain()
	}
	if errors.Is(err, context.Canceled) {
		return "not attempted: the connection was closed"
	}
	return err.Error()
}
