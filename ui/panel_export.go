package ui

import (
	"context"
	"errors"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/entra-wizard/entra-wizard/graph"
)

// panelExportPage is the page size exports ask for: Graph's largest, so a
// tenant of 20,000 users takes 21 requests.
const panelExportPage = 999

// panelExporter streams a list as CSV to w, telling progress how far it got.
type panelExporter func(ctx context.Context, w io.Writer, progress func(done, total int)) (int, error)

// panelSaveDialog asks where to save a file with the standard save dialog.
func panelSaveDialog(w fyne.Window) func(suggested string, chosen func(io.WriteCloser, error)) {
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

// panelExport asks where to save, then writes the export in the background
// and says on the panel's notice line how far it got and how it ended.
func panelExport(p *panel, s *panelSession, suggested string, export panelExporter) {
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
					p.setNotice(fmt.Sprintf("Exporting %s: %d of %d…", suggested, done, total))
				} else {
					p.setNotice(fmt.Sprintf("Exporting %s: %d so far…", suggested, done))
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
				p.setNotice(panelErrorText("export "+suggested, err) + fmt.Sprintf(" The file holds the %d rows written before the error.", n))
				return
			}
			p.setNotice(fmt.Sprintf("Saved %s: %d rows.", suggested, n))
		})
	})
}

// panelExportUsers exports every user matching search.
func panelExportUsers(c *graph.Client, search string) panelExporter {
	return func(ctx context.Context, w io.Writer, progress func(done, total int)) (int, error) {
		return graph.ExportUsers(ctx, w, c.Users(graph.UserQuery{Search: search, Top: panelExportPage}), progress)
	}
}

// panelExportGroups exports every group matching search.
func panelExportGroups(c *graph.Client, search string) panelExporter {
	return func(ctx context.Context, w io.Writer, progress func(done, total int)) (int, error) {
		return graph.ExportGroups(ctx, w, c.Groups(graph.GroupQuery{Search: search, Top: panelExportPage}), progress)
	}
}

// panelExportMembers exports a group's members, direct or transitive.
func panelExportMembers(c *graph.Client, groupID string, transitive bool) panelExporter {
	return func(ctx context.Context, w io.Writer, progress func(done, total int)) (int, error) {
		return graph.ExportMembers(ctx, w, c.Members(groupID, transitive), progress)
	}
}
