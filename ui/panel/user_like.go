package panel

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
	"github.com/entra-wizard/entra-wizard/userimport"
)

// userLike is the "New user like…" dialog: the new user dialog, with the
// department, usage location, groups, licenses and manager of an existing
// user, each shown with a tick the admin takes off for what the new user
// should not get.
type userLike struct {
	form     *userForm
	from     graph.User
	likeness userimport.Likeness
	read     bool // the groups, licenses and manager were read

	note       *widget.Label
	parts      *fyne.Container // the ticks
	department *kit.Check
	location   *kit.Check
	groups     []*kit.Check // in the order of likeness.Groups
	licenses   []*kit.Check // in the order of likeness.Licenses
	manager    *kit.Check   // nil without a manager
}

func newUserLike(p *Panel, s *session, from graph.User, created func(graph.User)) *userLike {
	l := &userLike{from: from, parts: container.NewVBox(),
		note: wrappedLabel("Reading the groups, licenses and manager of " + from.DisplayName + "…")}
	// The ticks scroll with the fields: a scroll inside the dialog's
	// scroll would not show what it hides.
	extra := container.NewVBox(widget.NewLabelWithStyle("Taken from "+from.DisplayName, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		l.note, l.parts)
	l.form = buildUserForm(p, s, "New user like "+from.DisplayName, extra, created)
	l.form.creator = l.creator
	fields := l.form.fields
	l.department = l.copyField("Department", from.Department, fields.department)
	l.location = l.copyField("Usage location", from.UsageLocation, fields.usageLocation)
	p.background(s, func(ctx context.Context) (err error) {
		l.likeness, err = userimport.ReadLikeness(ctx, s.client, from)
		return err
	}, l.showLikeness)
	return l
}

// copyField fills entry with from's value and adds a tick that empties it
// again; nil when from has no value.
func (l *userLike) copyField(name, value string, entry *kit.Entry) *kit.Check {
	if value == "" {
		return nil
	}
	entry.SetText(value)
	c := kit.NewCheck(name+": "+value, func(on bool) {
		if on {
			entry.SetText(value)
		} else {
			entry.SetText("")
		}
	})
	c.SetChecked(true)
	l.parts.Add(c)
	return c
}

// showLikeness adds a tick for each group, license and the manager.
func (l *userLike) showLikeness(err error) {
	if err != nil {
		l.note.SetText(errorText("read what "+l.from.DisplayName+" has", err) +
			" The new user can still be created with the fields above.")
		return
	}
	l.read = true
	tick := func(text string) *kit.Check {
		c := kit.NewCheck(text, nil)
		c.SetChecked(true)
		l.parts.Add(c)
		return c
	}
	for _, g := range l.likeness.Groups {
		l.groups = append(l.groups, tick("Member of "+g.DisplayName))
	}
	for _, lic := range l.likeness.Licenses {
		l.licenses = append(l.licenses, tick("License: "+lic.ProductName))
	}
	if m := l.likeness.Manager; m != nil {
		l.manager = tick("Manager: " + m.DisplayName)
	}
	l.note.SetText("Untick what the new user should not get.")
	if len(l.parts.Objects) == 0 {
		l.note.SetText(l.from.DisplayName + " has no department, usage location, groups, licenses or manager to take.")
	}
}

// chosen is the likeness with what was unticked left out.
func (l *userLike) chosen() userimport.Likeness {
	out := userimport.Likeness{From: l.from}
	if !l.read {
		return out
	}
	for i, c := range l.groups {
		if c.Checked {
			out.Groups = append(out.Groups, l.likeness.Groups[i])
		}
	}
	for i, c := range l.licenses {
		if c.Checked {
			out.Licenses = append(out.Licenses, l.likeness.Licenses[i])
		}
	}
	if l.manager != nil && l.manager.Checked {
		out.Manager = l.likeness.Manager
	}
	return out
}

// creator takes the ticks as they are when Create is pressed.
func (l *userLike) creator() createFunc {
	likeness := l.chosen()
	return func(ctx context.Context, nu graph.NewUser) (graph.User, string, error) {
		u, steps, err := userimport.CreateLike(ctx, l.form.s.client, nu, likeness)
		return u, likeReport(steps), err
	}
}

// likeReport says what the new user was given and what could not be.
func likeReport(steps []userimport.LikeStep) string {
	var done, failed []string
	for _, s := range steps {
		if s.Err != nil {
			failed = append(failed, errorText("give them "+s.What, s.Err))
		} else {
			done = append(done, s.What)
		}
	}
	var b strings.Builder
	if len(done) > 0 {
		b.WriteString("Given: " + strings.Join(done, "; ") + ".")
	}
	for _, f := range failed {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(f)
	}
	return b.String()
}

// onNewLike opens the New user like dialog for the shown user; the list
// shows the new user once created.
func (d *userDetails) onNewLike() {
	d.likeForm = newUserLike(d.p, d.s, d.user, func(u graph.User) {
		if !d.list.prepend(u) {
			d.show(u)
		}
	})
	d.likeForm.form.dialog.Show()
}
