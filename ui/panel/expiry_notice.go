package panel

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
)

// noticesFile keeps, in the settings folder, the day each saved
// connection's expiry was last notified, so that starting the program
// again the same day does not repeat it.
const noticesFile = "expiry-notices.json"

// expiryNotices are the days notified, by connection name, as
// 2006-01-02 (which sort as the days do).
type expiryNotices struct {
	path string // "" keeps them in memory only
	sent map[string]string
}

func loadExpiryNotices(dir string) *expiryNotices {
	n := &expiryNotices{sent: map[string]string{}}
	if dir == "" {
		return n
	}
	n.path = filepath.Join(dir, noticesFile)
	if data, err := os.ReadFile(n.path); err == nil {
		_ = json.Unmarshal(data, &n.sent) // a damaged file only repeats a notice
	}
	return n
}

// save writes the days notified; a failure only repeats a notice.
func (n *expiryNotices) save() {
	if n.path == "" {
		return
	}
	if data, err := json.Marshal(n.sent); err == nil {
		_ = os.WriteFile(n.path, data, 0o600)
	}
}

// notifyExpiring sends a desktop notification for each saved connection
// whose client secret or certificate expires within secretWarnDays, or
// has expired, at most once a day per connection: the admin hears of it
// even with the window in the background or on another connection.
func (p *Panel) notifyExpiring(now time.Time) {
	if p.cfg.Notify == nil || p.cfg.Connections == nil {
		return
	}
	profiles, err := p.cfg.Connections.List()
	if err != nil {
		return
	}
	if p.notices == nil {
		p.notices = loadExpiryNotices(p.cfg.ConfigDir)
	}
	day, sent := now.Local().Format(time.DateOnly), false
	for _, c := range profiles {
		cred, ok := credentialOf(c)
		if !ok || daysLeft(cred.expires, now) > secretWarnDays || p.notices.sent[c.Name] >= day {
			continue
		}
		p.cfg.Notify(fyne.NewNotification(fmt.Sprintf("Renew the %s of %q", cred.short, c.Name),
			expiryText(cred, now)+" Open Entra Setup Wizard and press Renew "+cred.short+"."))
		p.notices.sent[c.Name], sent = day, true
	}
	if sent {
		p.notices.save()
	}
}
