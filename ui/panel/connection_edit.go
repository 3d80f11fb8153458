package panel

import "fmt"

func (b *connectionBar) onRename() {
	old := b.current
	b.renamePrompt = newPromptDialog(b.p.cfg.Window, "Rename connection", "New name for \""+old+"\":", old, "Rename", func(name string) {
		if name == old {
			return
		}
		b.status.SetText(fmt.Sprintf("Renaming %q…", old))
		b.offUI(func() error { return b.p.cfg.Connections.Rename(old, name) }, func(err error) {
			if err != nil {
				b.status.SetText(fmt.Sprintf("Could not rename %q: %v", old, err))
				return
			}
			if b.current == old {
				b.current = name
			}
			if b.p.session != nil && b.p.session.name == old {
				b.p.session.name = name
			}
			b.reloadNames()
			b.picker.SetSelected(b.current)
			b.status.SetText(fmt.Sprintf("Renamed %q to %q.", old, name))
		})
	})
	b.renamePrompt.dialog.Show()
}

func (b *connectionBar) onRemove() {
	name := b.current
	msg := fmt.Sprintf("Remove the saved connection %q from this computer? Its secret is deleted from the keychain. The app registration in Entra is not changed.", name)
	b.removeConfirm = newConfirmDialog(b.p.cfg.Window, "Remove connection", msg, "Remove", "", func() {
		b.status.SetText(fmt.Sprintf("Removing %q…", name))
		b.offUI(func() error { return b.p.cfg.Connections.Delete(name) }, func(err error) {
			if err != nil {
				b.status.SetText(fmt.Sprintf("Could not remove %q: %v", name, err))
				return
			}
			if b.current == name {
				b.attempt++
				b.current = ""
				b.p.closeSession()
				b.p.tabs.Hide()
				b.p.placebox.Show()
				b.picker.ClearSelected()
			}
			b.reloadNames()
			b.status.SetText(fmt.Sprintf("Removed %q.", name))
		})
	})
	b.removeConfirm.dialog.Show()
}

// offUI runs work on the saved connections in the background, since the
// keychain can be slow or locked, and hands the outcome to done on the UI
// goroutine. The buttons wait meanwhile.
func (b *connectionBar) offUI(work func() error, done func(error)) {
	b.busy = true
	b.setIdle()
	go func() {
		err := work()
		b.p.cfg.Do(func() {
			b.busy = false
			b.setIdle()
			done(err)
		})
	}()
}
