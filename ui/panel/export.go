package panel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

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

// utf8BOM starts every export: without it Excel on Windows reads the file
// in the computer's code page and garbles accented names.
const utf8BOM = "\ufeff"

// exportJob is one export: the file name to suggest, what the rows are
// (e.g. "users"), the search that narrowed them ("" for none), and where
// to say how it goes: the status line next to the button pressed.
type exportJob struct {
	file, noun, search string
	say                func(string)
}

// runExport asks where to save, then writes the export in the background
// and says on the job's status line how far it got, how it ended and in
// which folder the file is.
func runExport(p *Panel, s *session, job exportJob, export exporter) {
	p.cfg.SaveFile(job.file, func(f io.WriteCloser, err error) {
		if err != nil {
			job.say(fmt.Sprintf("Could not open the file to save %s: %v", job.file, err))
			return
		}
		p.exports++
		run := p.exports
		job.say("Exporting " + job.file + "…")
		progress := func(done, total int) {
			p.cfg.Do(func() {
				if run != p.exports {
					return
				}
				if total > 0 {
					job.say(fmt.Sprintf("Exporting %s: %s of %s…", job.file, number(done), number(total)))
				} else {
					job.say(fmt.Sprintf("Exporting %s: %s so far…", job.file, number(done)))
				}
			})
		}
		saved := job.file + savedIn(f)
		var n int
		p.background(s, func(ctx context.Context) (err error) {
			if _, err = io.WriteString(f, utf8BOM); err == nil {
				n, err = export(ctx, f, progress)
			}
			return errors.Join(err, f.Close())
		}, func(err error) {
			p.exports++ // later progress reports are stale
			if err != nil {
				job.say(errorText("export "+job.file, err) + " The file holds the " + rowCount(n) + " written before the error.")
				return
			}
			job.say("Saved " + saved + ": " + rowCount(n) + "." + job.scope())
		})
	})
}

// scope says, after a search, that only its results were exported.
func (j exportJob) scope() string {
	if strings.TrimSpace(j.search) == "" {
		return ""
	}
	return fmt.Sprintf(" Only the %s matching %q, as the search shows; clear the search to export them all.", j.noun, strings.TrimSpace(j.search))
}

// savedIn names the folder of the file chosen, " in FOLDER", when the
// save dialog tells it; "" otherwise.
func savedIn(f io.WriteCloser) string {
	u, ok := f.(interface{ URI() fyne.URI })
	if !ok || u.URI() == nil || u.URI().Path() == "" {
		return ""
	}
	return " in " + filepath.Dir(u.URI().Path())
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
