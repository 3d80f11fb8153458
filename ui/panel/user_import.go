package panel

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ui/kit"
	"github.com/entra-wizard/entra-wizard/userimport"
)

// userImport is the dialog that creates users from a CSV in the admin
// center's bulk-create format: the file is checked row by row against the
// tenant first, a list shows every row's status, and only then are the
// valid rows created. Generated passwords go to a file the admin chooses
// before anyone is created, and are shown nowhere else.
type userImport struct {
	p       *Panel
	s       *session
	created func() // called on the UI goroutine after users were created

	im        *userimport.Import
	passwords string // where the generated passwords go; "" until chosen
	busy      bool
	finished  bool

	file     *widget.Label // the file, or why it cannot be used
	summary  *widget.Label
	rows     *kit.List
	detail   *widget.Label // the chosen row's whole message
	progress *widget.Label
	choose   *kit.Button
	savePWs  *kit.Button
	create   *kit.Button
	close    *kit.Button
	dialog   *kit.Dialog
	content  *fyne.Container
}

func newUserImport(p *Panel, s *session, created func()) *userImport {
	u := &userImport{p: p, s: s, created: created,
		file: wrappedLabel("Choose a CSV file in the format of the admin center's bulk-create template " +
			"(Users > Bulk operations > Bulk create > Download). Rows without a password get a generated one."),
		summary: wrappedLabel(""), detail: wrappedLabel(""), progress: wrappedLabel("")}
	u.rows = kit.NewList(u.rowCount, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, u.showRow)
	u.rows.OnSelected = u.onSelect
	u.choose = kit.NewButtonWithIcon("Choose file…", theme.FolderOpenIcon(), u.onChoose)
	u.savePWs = kit.NewButtonWithIcon("Save passwords to…", theme.DocumentSaveIcon(), u.onSavePasswords)
	u.create = kit.NewButtonWithIcon("Create users", theme.ConfirmIcon(), u.onCreate)
	u.create.Importance = widget.HighImportance
	u.close = kit.NewButton("Close", func() { u.dialog.Hide() })
	u.savePWs.Disable()
	u.create.Disable()
	top := container.NewVBox(container.NewBorder(nil, nil, container.NewVBox(u.choose), nil, u.file), u.summary)
	bottom := container.NewVBox(u.detail, u.progress)
	u.content = container.NewBorder(top, bottom, nil, nil, u.rows)
	d := dialog.NewCustomWithoutButtons("New users from a CSV", u.content, p.cfg.Window)
	d.SetButtons([]fyne.CanvasObject{u.close, u.savePWs, u.create})
	d.Resize(kit.DialogSize(p.cfg.Window, fyne.NewSize(760, 560)))
	u.dialog = kit.NewDialog(p.cfg.Window, d, u.choose, u.create.Press)
	return u
}

func (u *userImport) rowCount() int {
	if u.im == nil {
		return 0
	}
	return len(u.im.Rows)
}

// rowLine is a row as the list shows it: line, user name, status.
func rowLine(r userimport.Row) string {
	name := r.User.UserPrincipalName
	if name == "" {
		name = "(no user name)"
	}
	return fmt.Sprintf("Line %d · %s · %s", r.Line, name, r.Message())
}

func (u *userImport) showRow(i widget.ListItemID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	r := u.im.Rows[i]
	l.Importance = widget.MediumImportance
	if r.Status == userimport.Invalid || r.Status == userimport.Failed {
		l.Importance = widget.DangerImportance
	}
	l.SetText(rowLine(r))
}

// onSelect shows the row's whole message, which the list may cut short.
func (u *userImport) onSelect(i widget.ListItemID) {
	u.detail.SetText(rowLine(u.im.Rows[i]))
}

// onChoose reads the chosen file and checks it against the tenant.
func (u *userImport) onChoose() {
	u.p.cfg.OpenFile(func(r io.ReadCloser, name string, err error) {
		if err != nil {
			u.fail("Could not open the file: " + err.Error())
			return
		}
		u.read(r, name)
	})
}

// read reads and checks the file in the background; the list shows the
// rows once every check is done.
func (u *userImport) read(r io.ReadCloser, name string) {
	u.busy, u.im, u.passwords = true, nil, ""
	u.refresh()
	u.file.SetText(name)
	u.say("Checking " + name + "…")
	var im *userimport.Import
	var readErr error
	u.p.background(u.s, func(ctx context.Context) error {
		defer r.Close()
		if im, readErr = userimport.Read(r); readErr != nil {
			return nil
		}
		return im.Check(ctx, u.s.client, func(done, total int) {
			u.p.cfg.Do(func() { u.say(fmt.Sprintf("Checking %s: %d of %d user names looked up…", name, done, total)) })
		})
	}, func(err error) {
		u.busy = false
		switch {
		case readErr != nil:
			u.fail(name + " cannot be used: " + readErr.Error() + ".")
		case err != nil:
			u.fail(errorText("check "+name, err))
		default:
			u.im = im
			u.say("")
		}
		u.refresh()
	})
}

// onSavePasswords asks where the generated passwords go. Before the users
// are created it only reserves the file; afterwards it writes them.
func (u *userImport) onSavePasswords() {
	u.p.cfg.SavePath("new-user-passwords.csv", func(path string, err error) {
		if err != nil {
			u.fail("Could not use that file for the passwords: " + err.Error())
			return
		}
		u.passwords = path
		if u.finished {
			u.writePasswords()
		} else {
			u.say("The generated passwords will be saved to " + path + ", readable by you only.")
		}
		u.refresh()
	})
}

// onCreate creates the ready rows in the background.
func (u *userImport) onCreate() {
	if u.im == nil || u.busy || u.finished || u.im.Counts()[userimport.Ready] == 0 {
		return
	}
	if u.im.NeedsPasswords() && u.passwords == "" {
		u.fail("Choose where to save the generated passwords first (Save passwords to…): they are shown nowhere else.")
		return
	}
	u.busy = true
	u.refresh()
	// The background works on its own copy of the rows while the list
	// shows these; the copy takes their place once it is done.
	im := *u.im
	im.Rows = slices.Clone(u.im.Rows)
	total := im.Counts()[userimport.Ready]
	u.say(fmt.Sprintf("Creating %d users…", total))
	u.p.background(u.s, func(ctx context.Context) error {
		return im.Create(ctx, u.s.client, func(done, total int) {
			u.p.cfg.Do(func() { u.say(fmt.Sprintf("Creating users: %d of %d sent…", done, total)) })
		})
	}, func(err error) {
		u.im = &im
		u.busy, u.finished = false, true
		if err != nil {
			u.fail(errorText("create the users", err))
		} else {
			n := im.Counts()
			u.say(fmt.Sprintf("Created %d users; %d already existed, %d failed, %d rows had problems.",
				n[userimport.Created], n[userimport.Exists], n[userimport.Failed], n[userimport.Invalid]))
		}
		if im.GeneratedPasswords() > 0 {
			u.writePasswords()
		}
		u.refresh()
		if u.created != nil {
			u.created()
		}
	})
}

// writePasswords writes the generated passwords to the chosen file once.
func (u *userImport) writePasswords() {
	n, err := u.im.WritePasswords(u.passwords)
	if err != nil {
		u.fail(err.Error() + ". Choose another file with Save passwords to….")
		u.passwords = ""
		return
	}
	u.progress.SetText(u.progress.Text + fmt.Sprintf(" %d generated passwords saved to %s, readable by you only.",
		n, filepath.Base(u.passwords)))
	u.relayout()
}

// refresh enables what can be done now and shows the counts.
func (u *userImport) refresh() {
	u.rows.UnselectAll()
	u.rows.Refresh()
	u.detail.SetText("")
	u.choose.Enable()
	u.create.Disable()
	u.savePWs.Disable()
	if u.busy {
		u.choose.Disable()
	}
	if u.im == nil {
		u.summary.SetText("")
		return
	}
	n := u.im.Counts()
	summary := fmt.Sprintf("%d rows: %d ready, %d already exist, %d with problems.",
		len(u.im.Rows), n[userimport.Ready], n[userimport.Exists], n[userimport.Invalid])
	if u.finished {
		summary = fmt.Sprintf("%d rows: %d created, %d already exist, %d failed, %d with problems.",
			len(u.im.Rows), n[userimport.Created], n[userimport.Exists], n[userimport.Failed], n[userimport.Invalid])
	}
	u.summary.SetText(summary)
	if len(u.im.NotImported) > 0 {
		u.summary.SetText(u.summary.Text + " Not imported: " + strings.Join(u.im.NotImported, ", ") + ".")
	}
	if u.busy {
		return
	}
	ready := n[userimport.Ready]
	u.create.SetText(fmt.Sprintf("Create %d users", ready))
	if !u.finished && ready > 0 {
		u.create.Enable()
	}
	// The passwords file is chosen once: before creating, or after a
	// failed write.
	if u.passwords == "" && (u.im.NeedsPasswords() || (u.finished && u.im.GeneratedPasswords() > 0)) {
		u.savePWs.Enable()
	}
}

func (u *userImport) say(text string) {
	u.progress.Importance = widget.MediumImportance
	u.progress.SetText(text)
	u.relayout()
}

func (u *userImport) fail(text string) {
	u.progress.Importance = widget.DangerImportance
	u.progress.SetText(text)
	u.relayout()
}

// relayout gives the dialog room for a message that grew: the list gives
// up the height the message needs.
func (u *userImport) relayout() {
	if u.content != nil {
		u.content.Refresh()
	}
}

// openDialog asks which file to read with the standard open dialog.
func openDialog(w fyne.Window) func(chosen func(io.ReadCloser, string, error)) {
	return func(chosen func(io.ReadCloser, string, error)) {
		d := dialog.NewFileOpen(func(f fyne.URIReadCloser, err error) {
			if f == nil && err == nil {
				return // cancelled
			}
			if err != nil {
				chosen(nil, "", err)
				return
			}
			chosen(f, f.URI().Name(), nil)
		}, w)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt"}))
		d.Show()
	}
}

// savePathDialog asks where to save a file with the standard save dialog
// and gives its path, so the program can write it readable by the admin
// only.
func savePathDialog(w fyne.Window) func(suggested string, chosen func(string, error)) {
	return func(suggested string, chosen func(string, error)) {
		d := dialog.NewFileSave(func(f fyne.URIWriteCloser, err error) {
			if f == nil && err == nil {
				return // cancelled
			}
			if err != nil {
				chosen("", err)
				return
			}
			_ = f.Close()
			if f.URI().Scheme() != "file" {
				chosen("", fmt.Errorf("%s is not a file on this computer", f.URI()))
				return
			}
			chosen(f.URI().Path(), nil)
		}, w)
		d.SetFileName(suggested)
		d.Show()
	}
}
