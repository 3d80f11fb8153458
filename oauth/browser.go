package oauth

import (
	"io"
	"sync"

	"github.com/pkg/browser"
)

var quietBrowser sync.Once

// OpenBrowser opens url in the system browser. Whatever the platform's
// opener prints (xdg-open reports on the terminal) is discarded, so it never
// mixes with the program's own output, such as a JSON report on stdout.
func OpenBrowser(url string) error {
	quietBrowser.Do(func() {
		browser.Stdout = io.Discard
		browser.Stderr = io.Discard
	})
	return browser.OpenURL(url)
}
