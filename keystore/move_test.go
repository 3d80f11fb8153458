package keystore

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The connection the move tests save at one address, then move to another
// one with another way of signing in.
const (
	movingName   = "moving"
	secretBefore = "Abc8Q~secret-at-the-old-address-0123456789"
	tokenAfter   = "refresh-token-at-the-new-address-0123456789"
)

func movedProfile() Profile {
	p := customProfile(movingName)
	p.Authority, p.Graph = "https://login.fabrikam-proxy.example", "https://graph.fabrikam-proxy.example"
	p.Method = MethodBrowser
	return p
}

// moveAndWait is the child: it re-saves the connection at its new address
// and stops just before the settings file is replaced (KEYSTORE_TEST_STOP
// "before") or just after ("after"), says so, and waits to be killed.
func moveAndWait(t *testing.T) {
	store, err := Open(os.Getenv("KEYSTORE_TEST_DIR"), SystemKeyring(os.Getenv("KEYSTORE_TEST_SERVICE"), testTimeout))
	if err != nil {
		t.Fatal(err)
	}
	after := os.Getenv("KEYSTORE_TEST_STOP") == "after"
	store.writeSettings = func(path string, profiles []Profile) error {
		if after {
			if err := writeSettings(path, profiles); err != nil {
				return err
			}
		}
		fmt.Println("stopped")
		time.Sleep(time.Minute)
		return errors.New("not killed")
	}
	_, err = store.Save(movedProfile(), Secrets{RefreshToken: tokenAfter})
	t.Fatalf("Save returned (%v) instead of waiting to be killed", err)
}

func TestAMoveKilledMidwayLeavesAWorkingConnection(t *testing.T) {
	if os.Getenv(childEnv) == "mover" {
		moveAndWait(t)
		return
	}
	for _, tc := range []struct {
		stop string
		// want is the connection that must work after the kill.
		want   Profile
		secret Secrets
	}{
		{"before", customProfile(movingName), Secrets{ClientSecret: secretBefore}},
		{"after", movedProfile(), Secrets{RefreshToken: tokenAfter}},
	} {
		t.Run("killed "+tc.stop+" the settings are written", func(t *testing.T) {
			store, dir, service := openTestStore(t)
			if _, err := store.Save(customProfile(movingName), Secrets{ClientSecret: secretBefore}); err != nil {
				t.Fatal(err)
			}
			killMoveAt(t, tc.stop, dir, service)

			p, err := store.Get(movingName)
			if err != nil {
				t.Fatal(err)
			}
			if DestinationOf(p) != DestinationOf(tc.want) || p.Method != tc.want.Method {
				t.Fatalf("the settings point to %s (%s), want %s (%s)", DestinationOf(p).Hosts(), p.Method, DestinationOf(tc.want).Hosts(), tc.want.Method)
			}
			checkSecrets(t, store, tc.secret)
			// The next change finishes the move: only the secret of the
			// address the settings name is kept.
			if err := store.Tidy(); err != nil {
				t.Fatal(err)
			}
			checkSecrets(t, store, tc.secret)
			for _, key := range secretKeys {
				if v, err := readValue(store.keyring, account(movingName, key)); err == nil && strings.HasPrefix(v, movePrefix) {
					t.Errorf("the %s entry still keeps both addresses' secrets after a change", key)
				}
			}
		})
	}
}

// killMoveAt starts the moving child, waits until it stopped at stop and
// kills it with SIGKILL.
func killMoveAt(t *testing.T, stop, dir, service string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, "-test.run=^TestAMoveKilledMidwayLeavesAWorkingConnection$")
	cmd.Env = append(os.Environ(), childEnv+"=mover", "KEYSTORE_TEST_DIR="+dir,
		"KEYSTORE_TEST_SERVICE="+service, "KEYSTORE_TEST_STOP="+stop)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	if line != "stopped\n" {
		t.Fatalf("the child did not reach the point to kill it at: %q", line)
	}
}

// checkSecrets checks that the connection's secrets can be read and are
// want.
func checkSecrets(t *testing.T, store *Store, want Secrets) {
	t.Helper()
	got, err := store.Secrets(movingName)
	if err != nil {
		t.Fatalf("the connection cannot be opened: %v", err)
	}
	if got != want {
		t.Errorf("the connection opens with other secrets than were saved for its address")
	}
}

func TestAFinishedMoveReleasesNothingToTheOldAddress(t *testing.T) {
	store, _, _ := openTestStore(t)
	if _, err := store.Save(customProfile(movingName), Secrets{ClientSecret: secretBefore}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Save(movedProfile(), Secrets{RefreshToken: tokenAfter}); err != nil {
		t.Fatal(err)
	}
	checkSecrets(t, store, Secrets{RefreshToken: tokenAfter})
	editSettings(t, store, "fabrikam-proxy.example", "contoso-proxy.example")
	editSettings(t, store, `"browser"`, `"`+MethodClientSecret+`"`)
	if sec, err := store.Secrets(movingName); !errors.Is(err, ErrEndpointsChanged) || sec != (Secrets{}) {
		t.Fatalf("settings edited back to the old address: error %v, a secret released: %t", err, sec != (Secrets{}))
	}
}
