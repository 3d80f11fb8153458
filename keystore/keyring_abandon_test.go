//go:build linux

// Stopping the keyring daemon (SIGSTOP) needs Linux's D-Bus session tools.

package keystore

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

// secretServicePID asks the session bus which process owns the Secret
// Service: the keyring daemon of this test's own session.
func secretServicePID(t *testing.T) int {
	t.Helper()
	out, err := exec.Command("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
		"/org/freedesktop/DBus", "org.freedesktop.DBus.GetConnectionUnixProcessID", "string:org.freedesktop.secrets").CombinedOutput()
	if err != nil {
		t.Fatalf("finding the keyring daemon: %v\n%s", err, out)
	}
	fields := strings.Fields(string(out))
	pid, err := strconv.Atoi(fields[len(fields)-1])
	if err != nil || pid <= 1 {
		t.Fatalf("finding the keyring daemon: unexpected answer %q", out)
	}
	return pid
}

// abandonedChangesUndoThemselves runs in a child with a keyring daemon of
// its own: it stops the daemon (SIGSTOP), lets a Set and a Delete time out,
// wakes the daemon and checks that neither change stayed.
func abandonedChangesUndoThemselves(t *testing.T) {
	const service = "entra-wizard-test-abandoned"
	kr := newTimeoutKeyring(goKeyring{service: service}, 300*time.Millisecond)
	if err := kr.Set("kept/client-secret", "the saved one"); err != nil {
		t.Fatal(err)
	}
	pid := secretServicePID(t)
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	resumed := false
	resume := func() {
		if !resumed {
			resumed = true
			_ = syscall.Kill(pid, syscall.SIGCONT)
		}
	}
	defer resume()
	for _, change := range []struct {
		what string
		do   func() error
	}{
		{"a new secret", func() error { return kr.Set("new/client-secret", "reported as not saved") }},
		{"a replaced secret", func() error { return kr.Set("kept/client-secret", "reported as not saved") }},
		{"a deleted secret", func() error { return kr.Delete("kept/client-secret") }},
	} {
		if err := change.do(); !errors.Is(err, ErrTimeout) {
			t.Fatalf("%s with the keyring daemon stopped: err = %v, want ErrTimeout", change.what, err)
		}
	}
	resume()
	kr.running.Wait() // the abandoned calls complete now, and undo themselves
	if v, err := gokeyring.Get(service, "new/client-secret"); !errors.Is(err, gokeyring.ErrNotFound) {
		t.Errorf("a Set that timed out stayed in the keychain once the daemon woke up (value %d bytes, err %v)", len(v), err)
	}
	if v, err := gokeyring.Get(service, "kept/client-secret"); err != nil || v != "the saved one" {
		t.Errorf("the secret whose change timed out reads %q, %v; want the one saved before", v, err)
	}
	_ = gokeyring.DeleteAll(service)
}

func TestAbandonedKeychainChangeUndoesItself(t *testing.T) {
	if os.Getenv(childEnv) == "abandoned" {
		abandonedChangesUndoThemselves(t)
		return
	}
	needTools(t, "to run a keyring daemon to stop", "dbus-run-session", "dbus-send", "gnome-keyring-daemon")
	// A session of its own, so stopping its daemon stops no other test.
	runChild(t, "abandoned", nil, "../scripts/with-keyring.sh")
}
