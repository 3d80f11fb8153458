package ldap

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/internal/wording"
	"github.com/entra-wizard/entra-wizard/ldapconn"
)

// resultList is a search box, its results and an export button.
type resultList[T any] struct {
	p *Panel
	// one and many name one item and several.
	one, many string
	query     *widget.Entry
	list      *widget.List
	items     []T
	count     *widget.Label
	export    *widget.Button
	find      func(ctx context.Context, q string, limit int) ([]T, error)
	write     func(w io.Writer, items []T) error
	runs      int
}

func newResultList[T any](p *Panel, one, many string, line func(T) string,
	find func(context.Context, string, int) ([]T, error), write func(io.Writer, []T) error) *resultList[T] {
	r := &resultList[T]{p: p, one: one, many: many, find: find, write: write, count: widget.NewLabel("")}
	r.query = widget.NewEntry()
	r.query.SetPlaceHolder("Search " + many + " by name, account or mail")
	r.query.OnSubmitted = func(string) { r.search() }
	r.list = widget.NewList(func() int { return len(r.items) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(line(r.items[i])) })
	r.export = widget.NewButtonWithIcon("Export "+many+" (CSV)", theme.DocumentSaveIcon(), r.onExport)
	return r
}

func (r *resultList[T]) view() fyne.CanvasObject {
	search := widget.NewButtonWithIcon("Search", theme.SearchIcon(), r.search)
	top := container.NewBorder(nil, nil, nil, search, r.query)
	return container.NewBorder(top, container.NewBorder(nil, nil, r.count, r.export), nil, nil, r.list)
}

// search runs the query in the background; a newer search wins.
func (r *resultList[T]) search() {
	if r.p.dir == nil {
		return
	}
	r.runs++
	run, q := r.runs, r.query.Text
	r.count.SetText("Searching…")
	go func() {
		// One more than is shown tells whether the list was cut short.
		items, err := r.find(r.p.ctx, q, searchLimit+1)
		r.p.deps.do(func() {
			if run != r.runs {
				return
			}
			if err != nil {
				r.count.SetText("")
				r.p.failed(err)
				return
			}
			more := len(items) > searchLimit
			r.items = items[:min(len(items), searchLimit)]
			r.list.UnselectAll()
			r.list.Refresh()
			r.count.SetText(r.countText(len(r.items), more))
		})
	}()
}

// onExport writes every match of the current query, not only those shown.
func (r *resultList[T]) onExport() {
	if r.p.dir == nil || r.p.deps.SaveFile == nil {
		return
	}
	q := r.query.Text
	r.p.deps.SaveFile(r.many+".csv", func(f io.WriteCloser, err error) {
		if err != nil {
			r.p.status.SetText("Could not open the file: " + err.Error())
			return
		}
		r.p.status.SetText("Exporting " + r.many + "…")
		go func() {
			items, err := r.find(r.p.ctx, q, 0)
			if err == nil {
				err = r.write(f, items)
			}
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			r.p.deps.do(func() {
				if err != nil {
					r.p.status.SetText("The export failed: " + errorText(err))
					return
				}
				r.p.status.SetText("Exported " + wording.Count(len(items), r.one, r.many) + ".")
			})
		}()
	})
}

// countText says how many items the list shows, and whether more matched.
func (r *resultList[T]) countText(n int, more bool) string {
	if more {
		return fmt.Sprintf("The first %s %s; narrow the search, or export them all.", wording.Thousands(n), r.many)
	}
	return wording.Count(n, r.one, r.many)
}

func errorText(err error) string {
	if e, ok := ldapconn.AsError(err); ok {
		return e.Message + ". " + e.Hint
	}
	return err.Error()
}

func (p *Panel) exportUsers(w io.Writer, users []ldapconn.User) error {
	return ldapconn.WriteUsersCSV(w, users)
}

func (p *Panel) exportGroups(w io.Writer, groups []ldapconn.Group) error {
	return ldapconn.WriteGroupsCSV(w, groups)
}

// onGroupSelected lists the chosen group's members.
func (p *Panel) onGroupSelected(i widget.ListItemID) {
	if i < 0 || i >= len(p.groups.items) {
		return
	}
	g := p.groups.items[i]
	p.group = &g
	p.membersTitle.SetText("Members of " + g.DisplayName + "…")
	p.exportMembers.Disable()
	go func() {
		members, err := p.dir.ReadMembers(p.ctx, g.DN, func(read, total int) {
			p.deps.do(func() {
				if p.group != nil && p.group.DN == g.DN && read < total {
					p.membersTitle.SetText(fmt.Sprintf("Reading the members of %s: %s of %s…", g.DisplayName, wording.Thousands(read), wording.Thousands(total)))
				}
			})
		})
		p.deps.do(func() {
			if p.group == nil || p.group.DN != g.DN {
				return
			}
			if err != nil {
				p.membersTitle.SetText("Members of " + g.DisplayName + ": " + errorText(err))
				return
			}
			p.members = members
			p.memberList.Refresh()
			p.membersTitle.SetText("Members of " + g.DisplayName + ": " + wording.Thousands(len(members)))
			p.exportMembers.Enable()
		})
	}()
}

func (p *Panel) onExportMembers() {
	if p.group == nil || p.deps.SaveFile == nil {
		return
	}
	members, name := p.members, p.group.DisplayName
	p.deps.SaveFile(name+" members.csv", func(f io.WriteCloser, err error) {
		if err == nil {
			err = ldapconn.WriteMembersCSV(f, members)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			p.status.SetText("The export failed: " + err.Error())
			return
		}
		p.status.SetText("Exported " + wording.Count(len(members), "member", "members") + " of " + name + ".")
	})
}
