package assets

import (
	"bytes"
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestIconRendersAsADrawing(t *testing.T) {
	test.NewTempApp(t)
	img := canvas.NewImageFromResource(Icon)
	img.SetMinSize(fyne.NewSize(128, 128))
	w := test.NewTempWindow(t, img)
	w.Resize(fyne.NewSize(128, 128))
	shot := w.Canvas().Capture()
	colours := map[[3]uint32]bool{}
	b := shot.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := shot.At(x, y).RGBA()
			colours[[3]uint32{r >> 12, g >> 12, bl >> 12}] = true
		}
	}
	if len(colours) < 3 {
		t.Errorf("the icon renders with %d colours; want a drawing (tile, key, check)", len(colours))
	}
}

func TestIconPNGIsASquareRendering(t *testing.T) {
	data, err := os.ReadFile("icon.png")
	if err != nil {
		t.Fatalf("%v (run scripts/icon-png.sh)", err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("icon.png: %v", err)
	}
	if cfg.Width != cfg.Height || cfg.Width < 256 {
		t.Errorf("icon.png is %dx%d; desktop packages want a square of 256 pixels or more", cfg.Width, cfg.Height)
	}
}

func TestWindowIconIsAReadyMadeRendering(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(WindowIcon.Content()))
	if err != nil {
		t.Fatalf("the window icon is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 256 || b.Dy() != 256 {
		t.Errorf("the window icon is %dx%d; Fyne gives window icons 256x256", b.Dx(), b.Dy())
	}
	colours := map[[3]uint32]bool{}
	for y := 0; y < 256; y += 4 {
		for x := 0; x < 256; x += 4 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 12, g >> 12, bl >> 12}] = true
		}
	}
	if len(colours) < 3 {
		t.Errorf("the window icon has %d colours; want the drawing (tile, key, check)", len(colours))
	}
}
