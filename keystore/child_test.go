package keystore

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// childEnv marks a test binary started by runChild; its value names the
// situation the parent set up.
const childEnv = "KEYSTORE_TEST_CHILD"

// runChild runs the current test again in a fresh process, through wrapper
// (a command line that ends by running the test binary) and with extra
// environment. Keychain connections are per process, so a broken or locked
// keychain can only be shown to a new one.
func runChild(t *testing.T, situation string, env []string, wrapper ...string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	args := append(wrapper, self, "-test.run=^"+t.Name()+"$", "-test.v")
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(append(os.Environ(), childEnv+"="+situation), env...)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("child process (%s) failed: %v\n%s", situation, err, out)
	}
}
