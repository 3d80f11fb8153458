package panel

import (
	"errors"
	"fmt"

	"github.com/entra-wizard/entra-wizard/changefeed"
)

// errFeeds marks a saved connection that was changed while its Activity
// history (its place in the change feed) was not.
type errFeeds struct{ err error }

func (e errFeeds) Error() string {
	return "its Activity history could not be updated: " + e.err.Error()
}

// withFeeds runs change on the saved connections and then feeds on the
// Activity tab's files, if there are any: a removed or renamed connection
// must not leave them behind.
func (b *connectionBar) withFeeds(change func() error, feeds func(*changefeed.Store) error) func() error {
	return func() error {
		if err := change(); err != nil {
			return err
		}
		if b.p.cfg.ConfigDir == "" {
			return nil
		}
		if err := feeds(changefeed.OpenStore(b.p.cfg.ConfigDir)); err != nil {
			return errFeeds{err}
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
		rename := b.withFeeds(func() error { return b.p.cfg.Connections.Rename(old, name) },
			func(f *changefeed.Store) error { return f.Rename(old, name) })
		b.offUI(rename, func(err error) {
			if err != nil && !errors.As(err, new(errFeeds)) {
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
			b.status.SetText(fmt.Sprintf("Renamed %q to %q.", old, name) + feedsNote(err))
		})
	})
	b.renamePrompt.dialog.Show()
}

func (b *connectionBar) onRemove() {
	name := b.current
	msg := fmt.Sprintf("Remove the saved connection %q from this computer? Its secret is deleted from the keychain. The app registration in Entra is not changed.", name)
	b.removeConfirm = newConfirmDialog(b.p.cfg.Window, "Remove connection", msg, "Remove", "", func() {
		b.status.SetText(fmt.Sprintf("Removing %q…", name))
		remove := b.withFeeds(func() error { return b.p.cfg.Connections.Delete(name) },
			func(f *changefeed.Store) error { return f.Forget(name) })
		b.offUI(remove, func(err error) {
			if err != nil && !errors.As(err, new(errFeeds)) {
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
			b.status.SetText(fmt.Sprintf("Removed %q.", name) + feedsNote(err))
		})
	})
	b.removeConfirm.dialog.Show()
}

// feedsNote is what a status line adds when only the Activity history
// could not follow a change; "" otherwise.
func feedsNote(err error) string {
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
