package panel

import (
	"context"
	"errors"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/entra-wizard/entra-wizard/graph"
)

// exportPage is the page size exports ask for: Graph's largest, so a
// tenant of 20,000 users takes 21 requests.
const exportPage = 999

// exporter streams a list as CSV to w, telling progress how far it got.
type exporter func(ctx context.Context, w io.Writer, progress func(done, total int)) (int, error)

// saveDialog asks where to save a file with the standard save dialog.
func saveDialog(w fyne.Window) func(suggested string, chosen func(io.WriteCloser, error)) {
	return func(suggested string, chosen func(io.WriteCloser, error)) {
		d := dialog.NewFileSave(func(f fyne.URIWriteCloser, err error) {
			if f == nil && err == nil {
				return // cancelled
			}
			chosen(f, err)
		}, w)
		d.SetFileName(suggested)
		d.Show()
	}
}

// runExport asks where to save, then writes the export in the background
// and says on the panel's notice line how far it got and how it ended.
func runExport(p *Panel, s *session, suggested string, export exporter) {
	p.cfg.SaveFile(suggested, func(f io.WriteCloser, err error) {
		if err != nil {
			p.setNotice(fmt.Sprintf("Could not open the file to save %s: %v", suggested, err))
			return
		}
		p.exports++
		run := p.exports
		p.setNotice("Exporting " + suggested + "…")
		progress := func(done, total int) {
			p.cfg.Do(func() {
				if run != p.exports {
					return
				}
				if total > 0 {
					p.setNotice(fmt.Sprintf("Exporting %s: %s of %s…", suggested, number(done), number(total)))
				} else {
					p.setNotice(fmt.Sprintf("Exporting %s: %s so far…", suggested, number(done)))
				}
			})
		}
		var n int
		p.background(s, func(ctx context.Context) (err error) {
			n, err = export(ctx, f, progress)
			return errors.Join(err, f.Close())
		}, func(err error) {
			p.exports++ // later progress reports are stale
			if err != nil {
				p.setNotice(errorText("export "+suggested, err) + " The file holds the " + rowCount(n) + " written before the error.")
				return
			}
			p.setNotice("Saved " + suggested + ": " + rowCount(n) + ".")
		})
	})
}

// rowCount says how many rows a file holds: "1 row", "250 rows".
func rowCount(n int) string {
	if n == 1 {
		return "1 row"
	}
	return number(n) + " rows"
}

// exportUsers exports every user matching search.
func exportUsers(c *graph.Client, search string) exporter {
	return func(ctx context.Context, w io.Writer, progress func(done, total int)) (int, error) {
		return graph.ExportUsers(ctx, w, c.Users(graph.UserQuery{Search: search, Top: exportPage}), progress)
	}
}

// exportGroups exports every group matching search.
func exportGroups(c *graph.Client, search string) exporter {
	return func(ctx context.Context, w io.Writer, progress func(done, total int)) (int, error) {
		return graph.ExportGroups(ctx, w, c.Groups(graph.GroupQuery{Search: search, Top: exportPage}), progress)
	}
}

// exportMembers exports a group's members, direct or transitive.
func exportMembers(c *graph.Client, groupID string, transitive bool) exporter {
	return func(ctx context.Context, w io.Writer, progress func(done, total int)) (int, error) {
		return graph.ExportMembers(ctx, w, c.Members(groupID, transitive), progress)
	}
}
