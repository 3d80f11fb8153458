package panel

import (
	"context"
	"io"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// SavedConnections is what the management panel needs from the saved
// connections; *keystore.Store provides it.
type SavedConnections interface {
	List() ([]keystore.Profile, error)
	Rename(oldName, newName string) error
	Delete(name string) error
}

// Opener connects to a saved connection by name: it builds the Graph
// client and runs the connection test whose report decides which actions
// the panel offers. It is called from a background goroutine with a context
// that is never cancelled, so token sources built on it live as long as the
// client. A sign-in that fails may come back as an error or in the report's
// Err; either way the panel says why and offers to test again.
type Opener func(ctx context.Context, name string) (*graph.Client, graph.Report, error)

// Config holds what the management panel is built from. Window, Open
// and Connections are required; the rest have defaults.
type Config struct {
	Window      fyne.Window
	Connections SavedConnections
	Open        Opener
	// OnAdd opens the wizard to add another connection; nil hides the
	// button.
	OnAdd func()
	// Clipboard receives copied values (a new user's password); nil
	// disables copying.
	Clipboard fyne.Clipboard
	// SaveFile asks where to save an export named suggested and hands the
	// chosen file to chosen; it does nothing when the admin cancels. Nil
	// means the standard save dialog.
	SaveFile func(suggested string, chosen func(io.WriteCloser, error))
	// OpenFile asks which file to read (new users from a CSV) and hands it
	// to chosen with its name; it does nothing when the admin cancels. Nil
	// means the standard open dialog.
	OpenFile func(chosen func(r io.ReadCloser, name string, err error))
	// SavePath asks where to save a file of secrets (generated passwords)
	// and hands its path to chosen, so that the program makes it readable
	// by the admin only. Nil means the standard save dialog.
	SavePath func(suggested string, chosen func(path string, err error))
	// Do runs f on the UI goroutine; nil means fyne.Do. Tests pass a queue
	// they drain themselves.
	Do func(f func())
	// Renew renews a saved connection's client secret (the admin signing
	// in in the browser) or certificate; nil hides the Renew button. See
	// SecretRenewer.
	Renew SecretRenewer
	// Notify sends a desktop notification (fyne.App.SendNotification):
	// a secret or certificate that expires soon; nil sends none.
	Notify func(*fyne.Notification)
	// ConfigDir is the settings folder, where the Activity tab keeps its
	// place in each connection's change feed; "" hides the tab.
	ConfigDir string
	// ActivityEvery is how often the Activity tab looks for changes while
	// it is shown; 0 means every minute.
	ActivityEvery time.Duration
}

// Panel is the management panel: a connection switcher above tabs for
// users, groups and recently deleted users of the current connection.
type Panel struct {
	cfg Config

	conn     *connectionBar
	users    *usersTab
	groups   *groupsTab
	deleted  *deletedTab
	activity *activityTab
	tabs     *container.AppTabs
	placebox *widget.Label // shown while no connection is open
	notice   *widget.Label // how the last export or bulk change went; hidden until one did
	exports  int           // numbers exports; progress of an earlier one is dropped
	working  sync.WaitGroup

	notices *expiryNotices // the expiries notified today; loaded when first needed

	session *session // the open connection; nil until one opens
	root    fyne.CanvasObject
}

// session is one open connection: its client, its permission report
// and a context cancelled when the panel switches away from it.
type session struct {
	name   string
	client *graph.Client
	report graph.Report
	ctx    context.Context
	cancel context.CancelFunc
}

// New builds the management panel. It opens no connection until
// open is called.
func New(cfg Config) *Panel {
	if cfg.Do == nil {
		cfg.Do = fyne.Do
	}
	if cfg.SaveFile == nil {
		cfg.SaveFile = saveDialog(cfg.Window)
	}
	if cfg.OpenFile == nil {
		cfg.OpenFile = openDialog(cfg.Window)
	}
	if cfg.SavePath == nil {
		cfg.SavePath = savePathDialog(cfg.Window)
	}
	p := &Panel{cfg: cfg}
	p.conn = newConnectionBar(p)
	p.users = newUsersTab(p)
	p.groups = newGroupsTab(p)
	p.deleted = newDeletedTab(p)
	p.activity = newActivityTab(p)
	p.placebox = widget.NewLabel("Choose a connection above to manage its users and groups.")
	p.placebox.Wrapping = fyne.TextWrapWord
	p.tabs = container.NewAppTabs(
		container.NewTabItem("Users", kit.TabPage(p.users.view())),
		container.NewTabItem("Groups", kit.TabPage(p.groups.view())),
		container.NewTabItem("Recently deleted", kit.TabPage(p.deleted.view())),
	)
	if cfg.ConfigDir != "" {
		p.activity.item = container.NewTabItem(activityTitle, kit.TabPage(p.activity.view()))
		p.tabs.Append(p.activity.item)
	}
	p.tabs.OnSelected = func(item *container.TabItem) {
		p.leftTab()
		if item.Text == "Recently deleted" {
			p.deleted.reload()
		}
		if item == p.activity.item {
			p.activity.seen()
		} else {
			p.activity.unfollow()
		}
	}
	p.tabs.Hide()
	p.notice = widget.NewLabel("")
	p.notice.Wrapping = fyne.TextWrapWord
	p.notice.Hide()
	p.root = container.NewBorder(p.conn.view(), p.notice, nil, nil, container.NewStack(p.placebox, p.tabs))
	return p
}

// Content is what the window shows.
func (p *Panel) Content() fyne.CanvasObject { return p.root }

// SearchField is the search box of the tab shown, or the users' when the
// tab shown has none; nil while no connection is open.
func (p *Panel) SearchField() fyne.Focusable {
	if p.session == nil {
		return nil
	}
	if p.tabs.SelectedIndex() == 1 {
		return p.groups.list.search
	}
	p.tabs.SelectIndex(0)
	return p.users.list.search
}

// Open connects to the named saved connection and shows its users. The
// connection test runs in the background; the panel stays responsive.
func (p *Panel) Open(name string) { p.conn.open(name) }

// Close cancels the work of the open connection, if any, and a renewal of
// a secret under way: the panel is going away.
func (p *Panel) Close() {
	p.activity.unfollow()
	p.closeSession()
	if cancel := p.conn.secret.cancel; cancel != nil {
		cancel()
	}
}

// closeSession cancels the work of the open connection, if any.
func (p *Panel) closeSession() {
	if p.session != nil {
		p.session.cancel()
		p.session = nil
	}
}

// Wait blocks until the background work started so far has returned, for
// callers that must not outlive it, such as a shutdown that removes files.
func (p *Panel) Wait() { p.working.Wait() }

// use makes an opened connection the current one. It runs on the UI
// goroutine.
func (p *Panel) use(name string, client *graph.Client, report graph.Report) {
	p.closeSession()
	ctx, cancel := context.WithCancel(context.Background())
	p.session = &session{name: name, client: client, report: report, ctx: ctx, cancel: cancel}
	p.placebox.Hide()
	p.tabs.Show()
	p.users.start(p.session)
	p.groups.start(p.session)
	p.deleted.start(p.session)
	p.activity.start(p.session)
	// The permission notes changed size: lay the panel out again.
	p.root.Refresh()
}

// ShowNotice shows text on the notice line below the tabs: news from
// outside the panel, such as a renewed sign-in that could not be saved.
func (p *Panel) ShowNotice(text string) { p.setNotice(text) }

// Notice is the text of the notice line; "" while it is hidden.
func (p *Panel) Notice() string {
	if !p.notice.Visible() {
		return ""
	}
	return p.notice.Text
}

// setNotice shows text on the notice line below the tabs. The line takes
// no room until there is something to say.
func (p *Panel) setNotice(text string) {
	p.notice.SetText(text)
	if p.notice.Visible() {
		return
	}
	p.notice.Show()
	p.root.Refresh()
}

// noticeAbout puts the outcome of an action on the notice line when the
// object it was about is no longer shown, naming the object unless the
// text does. Progress ("Saving…") is not news once the object is gone.
func (p *Panel) noticeAbout(name, text string) {
	if text == "" || strings.HasSuffix(text, "…") {
		return
	}
	if !strings.Contains(text, name) {
		text = name + ": " + text
	}
	p.setNotice(text)
}

// membershipChanged brings the shown details up to date after members
// were added to or removed from group g: the shown user's groups, and the
// group's members when that group is shown.
func (p *Panel) membershipChanged(g graph.Group, results []graph.ItemResult) {
	ids := make([]string, len(results))
	for i, r := range results {
		ids[i] = r.ID
	}
	p.users.details.membershipChanged(ids)
	p.groups.forgetCount(g.ID)
	if m := p.groups.details.members; m.group.ID == g.ID && p.groups.details.body.Visible() {
		m.reload()
	}
}

// leftTab clears what the status lines said about the tab the admin
// has just left: it belongs to that moment, not to the tab now shown.
func (p *Panel) leftTab() {
	p.clearNotice()
	p.users.say("")
	p.groups.say("")
	p.users.details.clearStatus()
	p.groups.details.say("")
	p.deleted.status.SetText("")
}

// clearNotice hides the notice line: what it said was about the tab or
// the object the admin has just left.
func (p *Panel) clearNotice() {
	if !p.notice.Visible() {
		return
	}
	p.notice.SetText("")
	p.notice.Hide()
	p.root.Refresh()
}

// background runs work off the UI goroutine and hands its outcome to done
// on the UI goroutine, unless the session has been closed meanwhile.
func (p *Panel) background(s *session, work func(ctx context.Context) error, done func(error)) {
	p.working.Add(1)
	go func() {
		err := work(s.ctx)
		p.working.Done()
		p.cfg.Do(func() {
			if s.ctx.Err() != nil {
				return
			}
			done(err)
		})
	}()
}

// Current names the open connection and gives its connection test's
// report; the name is "" while none is open.
func (p *Panel) Current() (name string, report graph.Report) {
	if p.session == nil {
		return "", graph.Report{}
	}
	return p.session.name, p.session.report
}
