package panel

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tapPanel taps a button the way a user does; a disabled one fails the test.
func tapPanel(t *testing.T, b *widget.Button) {
	t.Helper()
	if b.Disabled() {
		t.Fatalf("the %q button is disabled", b.Text)
	}
	test.Tap(b)
}
