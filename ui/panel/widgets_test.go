package panel

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// tapPanel taps a button the way a user does; a disabled one fails the test.
func tapPanel(t *testing.T, b button) {
	t.Helper()
	if b.Disabled() {
		text := ""
		switch x := b.(type) {
		case *widget.Button:
			text = x.Text
		case *kit.Button:
			text = x.Text
		}
		t.Fatalf("the %q button is disabled", text)
	}
	test.Tap(b)
}

// button is a widget.Button or a kit.Button, which passes on the keys it
// has no use for.
type button interface {
	fyne.Tappable
	Disabled() bool
}
