package ldap

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// searchLimit bounds what a search shows; exports take everything.
const searchLimit = 500

// Panel is the read-only view of a secure LDAP connection: users, groups
// and a group's members, each exportable as CSV. Objects that come from
// Entra ID are read-only in the managed domain, so nothing here edits.
type Panel struct {
	deps Deps
	name string

	header      *widget.Label
	status      *widget.Label
	retry       *widget.Button
	connections *widget.Select
	add         *widget.Button

	users  *resultList[ldapconn.User]
	groups *resultList[ldapconn.Group]

	members       []ldapconn.Member
	memberList    *widget.List
	membersTitle  *widget.Label
	exportMembers *widget.Button
	group         *ldapconn.Group

	tabs *container.AppTabs
	dir  *ldapconn.Directory
	// settings are those of dir once it is open.
	settings ldapconn.Settings
	ctx      context.Context
	cancel   context.CancelFunc
	root     fyne.CanvasObject
}

// NewPanel builds the panel for the saved connection called name and starts
// connecting. onSwitch opens another saved connection; onAdd starts the
// wizard.
func NewPanel(deps Deps, name string, onSwitch func(string), onAdd func()) *Panel {
	p := &Panel{deps: deps, name: name}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	p.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.header.Wrapping = fyne.TextWrapWord
	p.status = wrapped()
	p.retry = widget.NewButtonWithIcon("Retry", theme.ViewRefreshIcon(), p.onRetry)
	p.retry.Hide()
	p.connections = widget.NewSelect(p.connectionNames(), func(n string) {
		if n != p.name && onSwitch != nil {
			onSwitch(n)
		}
	})
	p.connections.Selected = name
	p.add = widget.NewButtonWithIcon("Add connection", theme.ContentAddIcon(), func() {
		if onAdd != nil {
			onAdd()
		}
	})
	p.users = newResultList(p, "user", "users", userLine, p.searchUsers, p.exportUsers)
	p.groups = newResultList(p, "group", "groups", groupLine, p.searchGroups, p.exportGroups)
	p.groups.list.OnSelected = p.onGroupSelected
	p.membersTitle = widget.NewLabel("Pick a group to see its members.")
	p.memberList = widget.NewList(func() int { return len(p.members) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(memberLine(p.members[i])) })
	p.exportMembers = widget.NewButtonWithIcon("Export members (CSV)", theme.DocumentSaveIcon(), p.onExportMembers)
	p.exportMembers.Disable()
	p.root = p.build()
	p.open()
	return p
}

// View is the panel's content.
func (p *Panel) View() fyne.CanvasObject { return p.root }

// SearchField is the search box of the tab shown.
func (p *Panel) SearchField() fyne.Focusable {
	if p.tabs.SelectedIndex() == 1 {
		return p.groups.query
	}
	return p.users.query
}

// Close ends the connection and stops background work.
func (p *Panel) Close() {
	p.cancel()
	if p.dir != nil {
		p.dir.Close()
	}
}

func (p *Panel) build() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil, container.NewHBox(p.connections, p.add), p.header)
	membersPane := container.NewBorder(container.NewVBox(p.membersTitle), container.NewHBox(p.exportMembers), nil, nil, p.memberList)
	groupsTab := container.NewHSplit(p.groups.view(), membersPane)
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Users", theme.AccountIcon(), kit.TabPage(p.users.view())),
		container.NewTabItemWithIcon("Groups", theme.GridIcon(), kit.TabPage(groupsTab)),
	)
	status := container.NewBorder(nil, nil, nil, container.NewVBox(p.retry), p.status)
	return container.NewPadded(container.NewBorder(container.NewVBox(top, status), nil, nil, nil, p.tabs))
}

func (p *Panel) connectionNames() []string {
	if p.deps.Store == nil {
		return nil
	}
	profiles, err := p.deps.Store.List()
	if err != nil {
		return nil
	}
	names := make([]string, len(profiles))
	for i, pr := range profiles {
		names[i] = pr.Name
	}
	return names
}

// open connects in the background and then lists users and groups.
func (p *Panel) open() {
	p.header.SetText(p.name + ": connecting…")
	if p.deps.Store == nil {
		p.status.SetText("The saved connections could not be opened.")
		return
	}
	prof, err := p.deps.Store.Get(p.name)
	if err != nil {
		p.status.SetText(err.Error())
		return
	}
	s := connection.LDAPSettings(prof)
	go func() {
		dir, err := p.deps.engine().OpenLDAP(p.ctx, prof)
		p.deps.do(func() { p.opened(s, dir, err) })
	}()
}

// failed shows why a search could not run; when the connection was lost
// and could not be opened again, Retry tries once more.
func (p *Panel) failed(err error) {
	p.status.SetText(errorText(err))
	if errors.Is(err, ldapconn.ErrConnectionLost) {
		p.header.SetText(p.name + ": connection lost")
		p.retry.Show()
	}
}

// onRetry connects again: the first connection when it never opened, or
// the searches again, which open a new connection first.
func (p *Panel) onRetry() {
	p.retry.Hide()
	if p.dir == nil {
		p.open()
		return
	}
	p.showConnected()
	p.users.search()
	p.groups.search()
}

// showConnected says what the panel shows; a failed search replaces it.
func (p *Panel) showConnected() {
	s := p.settings
	p.header.SetText(fmt.Sprintf("%s: secure LDAP to %s as %s (read-only)", p.name, s.Server, s.BindAccount))
	p.status.SetText("Users and groups under " + s.BaseDN + ". Entra Domain Services keeps objects from Entra ID read-only; change them in Entra ID.")
}

func (p *Panel) opened(s ldapconn.Settings, dir *ldapconn.Directory, err error) {
	if err != nil {
		p.header.SetText(p.name + ": not connected")
		p.status.SetText(errorText(err))
		p.retry.Show()
		return
	}
	if p.ctx.Err() != nil {
		dir.Close()
		return
	}
	p.dir, p.settings = dir, s
	p.showConnected()
	p.users.search()
	p.groups.search()
}

func (p *Panel) searchUsers(ctx context.Context, q string, limit int) ([]ldapconn.User, error) {
	return p.dir.Users(ctx, q, limit)
}

func (p *Panel) searchGroups(ctx context.Context, q string, limit int) ([]ldapconn.Group, error) {
	return p.dir.Groups(ctx, q, limit)
}

func userLine(u ldapconn.User) string {
	line := u.DisplayName + "   " + u.UserPrincipalName
	if u.Disabled {
		line += "   (disabled)"
	}
	return line
}

func groupLine(g ldapconn.Group) string {
	if g.Description == "" {
		return g.DisplayName
	}
	return g.DisplayName + "   " + g.Description
}

func memberLine(m ldapconn.Member) string { return m.DisplayName + "   (" + m.Kind + ")" }
