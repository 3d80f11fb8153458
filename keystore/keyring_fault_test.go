//go:build linux

// These tests break the Linux keychain on purpose (no D-Bus session, no
// Secret Service, a locked GNOME Keyring), so they run on Linux only.

package keystore

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// saveWithBrokenKeychain is what each child does: try to save a connection
// through the system keychain and check that it fails cleanly, within the
// timeout, and leaves nothing behind. ErrUnavailable is required unless
// mayTimeOut (a locked keychain may wait on a prompt instead of refusing).
func saveWithBrokenKeychain(t *testing.T, wantReason string, mayTimeOut bool) {
	dir := t.TempDir()
	store, err := Open(dir, SystemKeyring("entra-wizard-test-broken", 3*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.Save(testProfile("work"), Secrets{ClientSecret: "never-stored-anywhere"})
	if err == nil {
		t.Fatal("Save succeeded without a usable keychain")
	}
	if !errors.Is(err, ErrUnavailable) && !(mayTimeOut && errors.Is(err, ErrTimeout)) {
		t.Fatalf("Save error = %v; want ErrUnavailable", err)
	}
	if wantReason != "" && !strings.Contains(err.Error(), wantReason) {
		t.Errorf("Save error = %q; want it to say %q", err, wantReason)
	}
	if !strings.Contains(err.Error(), "nothing was saved") {
		t.Errorf("Save error = %q; want it to say nothing was saved", err)
	}
	if strings.Contains(err.Error(), "never-stored-anywhere") {
		t.Fatal("the error text contains the secret")
	}
	t.Logf("Save said: %v", err)
	if _, err := os.Stat(filepath.Join(dir, SettingsFileName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a settings file was written although the keychain failed (stat: %v)", err)
	}
}

func TestSaveWithoutSessionBus(t *testing.T) {
	if os.Getenv(childEnv) == "no-bus" {
		saveWithBrokenKeychain(t, "no D-Bus session", false)
		return
	}
	runChild(t, "no-bus", []string{"DBUS_SESSION_BUS_ADDRESS=unix:path=" + filepath.Join(t.TempDir(), "no-bus")})
}

// busWithoutServices is a D-Bus session configuration that cannot start any
// service, so nothing answers for the Secret Service.
const busWithoutServices = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%s</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

func TestSaveWithoutSecretService(t *testing.T) {
	if os.Getenv(childEnv) == "no-secret-service" {
		saveWithBrokenKeychain(t, "Secret Service not running", false)
		return
	}
	needTools(t, "to start a bus without a Secret Service", "dbus-run-session")
	runSession, _ := exec.LookPath("dbus-run-session") // needTools found it
	dir := t.TempDir()
	config := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(config, fmt.Appendf(nil, busWithoutServices, dir), 0o600); err != nil {
		t.Fatal(err)
	}
	runChild(t, "no-secret-service", nil, runSession, "--config-file="+config, "--")
}

func TestSaveWithLockedKeychain(t *testing.T) {
	if os.Getenv(childEnv) == "locked" {
		saveWithBrokenKeychain(t, "locked", true)
		return
	}
	needTools(t, "to run a keychain and lock it", "dbus-run-session", "gnome-keyring-daemon", "secret-tool")
	// The locked login collection asks for its password through a prompt;
	// with no display the prompt cannot appear, which is what a headless
	// session meets. secret-tool may crash after locking, so its status is
	// ignored.
	script := `echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
secret-tool lock --collection=login >/dev/null 2>&1
exec "$@"`
	runChild(t, "locked", []string{"DISPLAY=", "WAYLAND_DISPLAY="}, "dbus-run-session", "--", "sh", "-c", script, "sh")
}

// hangingKeyring never answers, like a keychain waiting on a password prompt
// nobody sees. A real keychain cannot be made to hang on demand, so this one
// stands in for it.
type hangingKeyring struct{ release chan struct{} }

func (h hangingKeyring) Set(string, string) error   { <-h.release; return nil }
func (h hangingKeyring) Get(string) (string, error) { <-h.release; return "", nil }
func (h hangingKeyring) Delete(string) error        { <-h.release; return nil }

func TestHangingKeychainTimesOut(t *testing.T) {
	hang := hangingKeyring{release: make(chan struct{})}
	defer close(hang.release)
	kr := newTimeoutKeyring(hang, 50*time.Millisecond)
	store, err := Open(t.TempDir(), kr)
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.Save(testProfile("work"), Secrets{ClientSecret: "x"})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Save error = %v; want ErrTimeout", err)
	}
	if list, _ := store.List(); len(list) != 0 {
		t.Fatalf("List after a timed-out save = %v; want nothing saved", list)
	}
}
