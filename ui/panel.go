package ui

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// panelConnections is what the management panel needs from the saved
// connections; *keystore.Store provides it.
type panelConnections interface {
	List() ([]keystore.Profile, error)
	Rename(oldName, newName string) error
	Delete(name string) error
}

// panelOpener connects to a saved connection by name: it builds the Graph
// client and runs the connection test whose report decides which actions
// the panel offers. It is called from a background goroutine with a context
// that is never cancelled, so token sources built on it live as long as the
// client. A sign-in that fails may come back as an error or in the report's
// Err; either way the panel says why and offers to test again.
type panelOpener func(ctx context.Context, name string) (*graph.Client, graph.Report, error)

// panelConfig holds what the management panel is built from. Window, Open
// and Connections are required; the rest have defaults.
type panelConfig struct {
	Window      fyne.Window
	Connections panelConnections
	Open        panelOpener
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
	// Do runs f on the UI goroutine; nil means fyne.Do. Tests pass a queue
	// they drain themselves.
	Do func(f func())
}

// panel is the management panel: a connection switcher above tabs for
// users, groups and recently deleted users of the current connection.
type panel struct {
	cfg panelConfig

	conn     *panelConnectionBar
	users    *panelUsersTab
	groups   *panelGroupsTab
	deleted  *panelDeletedTab
	tabs     *container.AppTabs
	placebox *widget.Label // shown while no connection is open
	notice   *widget.Label // how the last export or bulk change went; hidden until one did
	exports  int           // numbers exports; progress of an earlier one is dropped

	session *panelSession // the open connection; nil until one opens
	root    fyne.CanvasObject
}

// panelSession is one open connection: its client, its permission report
// and a context cancelled when the panel switches away from it.
type panelSession struct {
	name   string
	client *graph.Client
	report graph.Report
	ctx    context.Context
	cancel context.CancelFunc
}

// newPanel builds the management panel. It opens no connection until
// open is called.
func newPanel(cfg panelConfig) *panel {
	if cfg.Do == nil {
		cfg.Do = fyne.Do
	}
	if cfg.SaveFile == nil {
		cfg.SaveFile = panelSaveDialog(cfg.Window)
	}
	p := &panel{cfg: cfg}
	p.conn = newPanelConnectionBar(p)
	p.users = newPanelUsersTab(p)
	p.groups = newPanelGroupsTab(p)
	p.deleted = newPanelDeletedTab(p)
	p.placebox = widget.NewLabel("Choose a connection above to manage its users and groups.")
	p.placebox.Wrapping = fyne.TextWrapWord
	p.tabs = container.NewAppTabs(
		container.NewTabItem("Users", p.users.view()),
		container.NewTabItem("Groups", p.groups.view()),
		container.NewTabItem("Recently deleted", p.deleted.view()),
	)
	p.tabs.OnSelected = func(item *container.TabItem) {
		if item.Text == "Recently deleted" {
			p.deleted.reload()
		}
	}
	p.tabs.Hide()
	p.notice = widget.NewLabel("")
	p.notice.Wrapping = fyne.TextWrapWord
	p.notice.Hide()
	p.root = container.NewBorder(p.conn.view(), p.notice, nil, nil, container.NewStack(p.placebox, p.tabs))
	return p
}

// view returns the panel's content for a window.
func (p *panel) view() fyne.CanvasObject { return p.root }

// open connects to the named saved connection and shows its users. The
// connection test runs in the background; the panel stays responsive.
func (p *panel) open(name string) { p.conn.open(name) }

// close cancels the work of the open connection, if any.
func (p *panel) close() {
	if p.session != nil {
		p.session.cancel()
		p.session = nil
	}
}

// use makes an opened connection the current one. It runs on the UI
// goroutine.
func (p *panel) use(name string, client *graph.Client, report graph.Report) {
	p.close()
	ctx, cancel := context.WithCancel(context.Background())
	p.session = &panelSession{name: name, client: client, report: report, ctx: ctx, cancel: cancel}
	p.placebox.Hide()
	p.tabs.Show()
	p.users.start(p.session)
	p.groups.start(p.session)
	p.deleted.start(p.session)
	// The permission notes changed size: lay the panel out again.
	p.root.Refresh()
}

// setNotice shows text on the notice line below the tabs. The line takes
// no room until there is something to say.
func (p *panel) setNotice(text string) {
	p.notice.SetText(text)
	if p.notice.Visible() {
		return
	}
	p.notice.Show()
	p.root.Refresh()
}

// background runs work off the UI goroutine and hands its outcome to done
// on the UI goroutine, unless the session has been closed meanwhile.
func (p *panel) background(s *panelSession, work func(ctx context.Context) error, done func(error)) {
	go func() {
		err := work(s.ctx)
		p.cfg.Do(func() {
			if s.ctx.Err() != nil {
				return
			}
			done(err)
		})
	}()
}
