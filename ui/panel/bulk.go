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
)

// bulkItem is one directory object a bulk change adds or removes.
type bulkItem struct {
	ID   string
	Name string
}

// bulkUsers turns users into bulk items.
func bulkUsers(users []graph.User) []bulkItem {
	items := make([]bulkItem, len(users))
	for i, u := range users {
		items[i] = bulkItem{ID: u.ID, Name: u.DisplayName}
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

	groups   *searchList[graph.Group] // nil when the group is given
	middle   *fyne.Container          // the group picker above the results, then the results alone
	target   *widget.Label
	start    *widget.Button
	close    *widget.Button
	progress *widget.ProgressBar
	summary  *widget.Label
	// results holds one line per item; its lines wrap rather than cut a
	// word off.
	results  *widget.Label
	lines    []string
	finished bool

	dialog *dialog.CustomDialog
}

// newBulkRun builds the dialog. With group nil the admin first picks the
// group from a search list.
func newBulkRun(p *Panel, s *session, items []bulkItem, add bool, group *graph.Group, done func()) *bulkRun {
	b := &bulkRun{p: p, s: s, items: items, add: add, group: group, done: done,
		target: widget.NewLabel(""), progress: widget.NewProgressBar(), summary: widget.NewLabel("")}
	b.summary.Wrapping = fyne.TextWrapWord
	b.results = wrappedLabel("")
	verb, title := "Add", fmt.Sprintf("Add %d users to a group", len(items))
	if !add {
		verb, title = "Remove", fmt.Sprintf("Remove %d users from a group", len(items))
	}
	b.start = widget.NewButtonWithIcon(verb, theme.ConfirmIcon(), b.onStart)
	b.start.Importance = widget.HighImportance
	b.close = widget.NewButton("Close", func() { b.dialog.Hide() })
	top := container.NewVBox(b.target)
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
	b.dialog = dialog.NewCustomWithoutButtons(title, content, p.cfg.Window)
	b.dialog.SetButtons([]fyne.CanvasObject{b.close, b.start})
	b.dialog.Resize(fyne.NewSize(600, 560))
	return b
}

// onStart runs the change in the background. The report is shown even if
// the panel moved on meanwhile, so no change goes unreported.
func (b *bulkRun) onStart() {
	if b.group == nil || len(b.items) == 0 {
		return
	}
	b.start.Disable()
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
	names := make(map[string]string, len(b.items))
	for _, it := range b.items {
		names[it.ID] = it.Name
	}
	ok, failed, already := 0, 0, 0
	b.lines = b.lines[:0]
	for _, r := range results {
		name := names[r.ID]
		if name == "" {
			name = r.ID
		}
		switch {
		case r.Err == nil && !r.Already:
			ok++
			b.lines = append(b.lines, "✓ "+name)
		case r.Err == nil || alreadyThere(b.add, r.Err):
			// What the admin asked for is true: not a failure.
			ok++
			already++
			b.lines = append(b.lines, "✓ "+name+" ("+alreadyWords(b.add, 1)+")")
		default:
			failed++
			b.lines = append(b.lines, "✗ "+name+": "+itemError(r.Err))
		}
	}
	// Anything Graph gave no answer for did not happen either.
	if missing := len(b.items) - len(results); missing > 0 {
		failed += missing
		b.lines = append(b.lines, fmt.Sprintf("✗ %d more were not attempted", missing))
	}
	done, where := "added to", "Added"
	if !b.add {
		done, where = "removed from", "Removed"
	}
	summary := fmt.Sprintf("%s %d of %d", where, ok, len(b.items))
	if already > 0 {
		summary += fmt.Sprintf(" (%d %s)", already, alreadyWords(b.add, already))
	}
	if failed > 0 {
		summary += fmt.Sprintf("; %d not %s %s.", failed, done, g.DisplayName)
	} else {
		summary += " " + strings.TrimPrefix(strings.TrimPrefix(done, "added "), "removed ") + " " + g.DisplayName + "."
	}
	b.summary.SetText(summary)
	// The dialog may have been closed meanwhile: the outcome also goes to
	// the panel's notice line.
	b.p.setNotice(b.summary.Text)
	b.results.SetText(strings.Join(b.lines, "\n"))
	b.p.membershipChanged(g, results)
	if b.done != nil {
		b.done()
	}
}

// alreadyThere reports whether an item of an add failed only because it
// was a member already: what the admin asked for is true. Removing someone
// who is not a member stays a failure, since the admin may have picked the
// wrong person or group.
func alreadyThere(add bool, err error) bool {
	return add && errors.Is(err, graph.ErrConflict)
}

func alreadyWords(add bool, n int) string {
	if !add {
		return "not a member"
	}
	if n == 1 {
		return "already a member"
	}
	return "already members"
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
