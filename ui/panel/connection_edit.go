package panel

import (
	"errors"
	"fmt"

	"github.com/entra-wizard/entra-wizard/changefeed"
	"github.com/entra-wizard/entra-wizard/offboard"
)

// errFiles marks a saved connection that was changed while the files kept
// beside it (its Activity history, its offboarding records) were not.
type errFiles struct{ err error }

func (e errFiles) Error() string { return e.err.Error() }

// connectionFiles are what is kept per connection beside its settings: the
// Activity tab's place in the change feed and the offboarding records.
type connectionFiles struct {
	feeds   *changefeed.Store
	records *offboard.Store
}

// withFiles runs change on the saved connections and then files on the
// connection's other files, if there are any: a removed or renamed
// connection must not leave them behind.
func (b *connectionBar) withFiles(change func() error, files func(connectionFiles) (feeds, records error)) func() error {
	return func() error {
		if err := change(); err != nil {
			return err
		}
		if b.p.cfg.ConfigDir == "" {
			return nil
		}
		feeds, records := files(connectionFiles{changefeed.OpenStore(b.p.cfg.ConfigDir), offboard.OpenStore(b.p.cfg.ConfigDir)})
		switch {
		case feeds != nil:
			return errFiles{fmt.Errorf("its Activity history could not be updated: %w", feeds)}
		case records != nil:
			return errFiles{fmt.Errorf("its offboarding records could not be updated: %w", records)}
		}
		return nil
	}
}

func (b *connectionBar) onRename() {
	old := b.current
	b.renamePrompt = newPromptDialog(b.p.cfg.Window, "Rename connection", "New name for \""+old+"\":", old, "Rename", func(name string) {
		if name == old {
			return
		}
		b.status.SetText(fmt.Sprintf("Renaming %q…", old))
		rename := b.withFiles(func() error { return b.p.cfg.Connections.Rename(old, name) },
			func(f connectionFiles) (error, error) { return f.feeds.Rename(old, name), f.records.Rename(old, name) })
		b.offUI(rename, func(err error) {
			if err != nil && !errors.As(err, new(errFiles)) {
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
			b.status.SetText(fmt.Sprintf("Renamed %q to %q.", old, name) + filesNote(err))
		})
	})
	b.renamePrompt.dialog.Show()
}

func (b *connectionBar) onRemove() {
	name := b.current
	msg := fmt.Sprintf("Remove the saved connection %q from this computer? Its secret is deleted from the keychain. The app registration in Entra is not changed.", name)
	b.removeConfirm = newConfirmDialog(b.p.cfg.Window, "Remove connection", msg, "Remove", "", func() {
		b.status.SetText(fmt.Sprintf("Removing %q…", name))
		remove := b.withFiles(func() error { return b.p.cfg.Connections.Delete(name) },
			func(f connectionFiles) (error, error) { return f.feeds.Forget(name), f.records.Forget(name) })
		b.offUI(remove, func(err error) {
			if err != nil && !errors.As(err, new(errFiles)) {
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
			b.status.SetText(fmt.Sprintf("Removed %q.", name) + filesNote(err))
		})
	})
	b.removeConfirm.dialog.Show()
}

// filesNote is what a status line adds when only the connection's other
// files could not follow a change; "" otherwise.
func filesNote(err error) string {
	if err == nil {
		return ""
	}
	return " But " + err.Error() + "."
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
			done(err)
			// After done: a removal leaves no connection to act on.
			b.setIdle()
		})
	}()
}
