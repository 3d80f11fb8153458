package panel

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// connectionBar is the connection switcher at the top of the panel:
// the saved connections, and buttons to add, re-test, rename and remove one.
type connectionBar struct {
	p *Panel

	picker *widget.Select
	add    *widget.Button
	retest *widget.Button
	rename *widget.Button
	remove *widget.Button
	status *widget.Label
	secret *secretLine

	current string
	attempt int  // numbers open attempts; an answer for an older one is dropped
	busy    bool // a rename or removal is under way
	// retesting is set by Test again for the open it starts, whose
	// outcome then says it is a new one.
	retesting bool

	renamePrompt  *promptDialog
	removeConfirm *confirmDialog
}

func newConnectionBar(p *Panel) *connectionBar {
	b := &connectionBar{p: p, status: widget.NewLabel("")}
	b.status.Wrapping = fyne.TextWrapWord
	b.picker = widget.NewSelect(nil, b.onPicked)
	b.picker.PlaceHolder = "Choose a connection"
	b.add = widget.NewButtonWithIcon("Add connection", theme.ContentAddIcon(), func() {
		if p.cfg.OnAdd != nil {
			p.cfg.OnAdd()
		}
	})
	if p.cfg.OnAdd == nil {
		b.add.Hide()
	}
	b.retest = widget.NewButtonWithIcon(retestLabel, theme.ViewRefreshIcon(), b.onRetest)
	b.rename = widget.NewButtonWithIcon("Rename", theme.DocumentCreateIcon(), b.onRename)
	b.remove = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), b.onRemove)
	if p.cfg.Connections == nil {
		b.rename.Hide()
		b.remove.Hide()
	}
	b.secret = newSecretLine(b)
	b.setIdle()
	b.reloadNames()
	return b
}

func (b *connectionBar) view() fyne.CanvasObject {
	buttons := container.NewHBox(b.add, b.retest, b.rename, b.remove)
	top := container.NewBorder(nil, nil, widget.NewLabel("Connection:"), buttons, b.picker)
	return container.NewVBox(top, b.status, b.secret.box, widget.NewSeparator())
}

// reloadNames fills the picker with the saved connections.
func (b *connectionBar) reloadNames() {
	if b.p.cfg.Connections == nil {
		if b.current != "" {
			b.picker.SetOptions([]string{b.current})
		}
		return
	}
	profiles, err := b.p.cfg.Connections.List()
	if err != nil {
		b.status.SetText(fmt.Sprintf("Could not read the saved connections: %v", err))
		return
	}
	names := make([]string, 0, len(profiles)+1)
	seen := false
	for _, pr := range profiles {
		names = append(names, pr.Name)
		seen = seen || pr.Name == b.current
	}
	if !seen && b.current != "" {
		names = append(names, b.current)
	}
	b.picker.SetOptions(names)
}

func (b *connectionBar) onPicked(name string) {
	if name != "" && name != b.current {
		b.open(name)
	}
}

// open connects to the named connection in the background.
func (b *connectionBar) open(name string) {
	if name == "" {
		return
	}
	b.current = name
	b.reloadNames()
	b.picker.SetSelected(name)
	b.attempt++
	attempt, again := b.attempt, b.retesting
	b.retesting = false
	if again {
		b.status.SetText(fmt.Sprintf("Testing %q again: signing in and checking what it may do…", name))
		b.retest.SetText("Testing…")
	} else {
		b.status.SetText(fmt.Sprintf("Connecting to %q and checking what it may do…", name))
	}
	b.retest.Disable()
	go func() {
		client, report, err := b.p.cfg.Open(context.Background(), name)
		b.p.cfg.Do(func() {
			if attempt != b.attempt {
				return
			}
			b.retest.SetText(retestLabel)
			b.setIdle()
			b.secret.show(name) // also when it failed: an expired secret is renewed here
			b.p.notifyExpiring(time.Now())
			if err == nil {
				err = report.Err
			}
			if err != nil {
				b.p.closeSession()
				b.p.tabs.Hide()
				b.p.placebox.Show()
				b.status.SetText(testedAgain(again) + errorText(fmt.Sprintf("connect to %q", name), err))
				return
			}
			b.status.SetText(testedAgain(again) + b.summary(name, report))
			b.p.use(name, client, report)
		})
	}()
}

func (b *connectionBar) setIdle() {
	if b.current == "" || b.busy {
		b.retest.Disable()
		b.rename.Disable()
		b.remove.Disable()
		return
	}
	b.retest.Enable()
	b.rename.Enable()
	b.remove.Enable()
}
