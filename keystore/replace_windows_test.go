package keystore

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// holdOpen opens path the way most Windows programs (and Go's os.Open) do:
// sharing reads and writes but not deletion, which blocks replacing it.
func holdOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestSaveReplacesSettingsWhileAnotherReaderHoldsThem(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, SettingsFileName)
	if err := writeSettings(path, []Profile{testProfile("first")}); err != nil {
		t.Fatal(err)
	}
	reader := holdOpen(t, path)

	// The situation is real: a plain rename over the open file fails.
	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, path); err == nil {
		t.Log("this system replaced an open file at once (no sharing conflict to retry)")
	} else if !heldOpen(err) {
		t.Fatalf("renaming over an open file failed with %v, not a sharing conflict", err)
	}

	// The other program closes the file a moment later; the save waits
	// for that instead of failing.
	go func() {
		time.Sleep(300 * time.Millisecond)
		reader.Close()
	}()
	if err := writeSettings(path, []Profile{testProfile("first"), testProfile("second")}); err != nil {
		t.Fatalf("saving while another process read the settings: %v", err)
	}
	got, err := readSettings(path)
	if err != nil || len(got) != 2 || got[1].Name != "second" {
		t.Fatalf("after the save the settings hold %v (%v); want both connections", got, err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "."+SettingsFileName+".*.tmp"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestReadingSettingsNeverBlocksASave(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, SettingsFileName)
	if err := writeSettings(path, []Profile{testProfile("a")}); err != nil {
		t.Fatal(err)
	}
	// Readers and a writer at once, as with the app and the command line
	// running together: every save and every read must succeed.
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		defer close(readErr)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := readSettings(path); err != nil {
				readErr <- err
				return
			}
		}
	}()
	for i := range 50 {
		name := "conn-" + strings.Repeat("x", i%5)
		if err := writeSettings(path, []Profile{testProfile(name)}); err != nil {
			close(stop)
			t.Fatalf("save %d while reading: %v", i, err)
		}
	}
	close(stop)
	if err := <-readErr; err != nil {
		t.Fatalf("a read during the saves failed: %v", err)
	}
}
