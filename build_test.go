package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// The program, built once for the tests that run it as a user would.
var (
	builtOnce sync.Once
	builtDir  string
	builtPath string
	builtErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if builtDir != "" {
		_ = os.RemoveAll(builtDir)
	}
	os.Exit(code)
}

// buildProgram builds the program once per test run and returns its path.
func buildProgram(t *testing.T) string {
	t.Helper()
	builtOnce.Do(func() {
		dir, err := os.MkdirTemp("", "entra-wizard-test")
		if err != nil {
			builtErr = err
			return
		}
		builtDir = dir
		builtPath = filepath.Join(dir, "entra-wizard")
		out, err := exec.Command("go", "build", "-o", builtPath, ".").CombinedOutput()
		if err != nil {
			builtErr = fmt.Errorf("%w\n%s", err, out)
		}
	})
	if builtErr != nil {
		t.Fatalf("building the program: %v", builtErr)
	}
	return builtPath
}

// runProgram runs bin with args in exactly env and returns what it wrote
// and its exit status.
func runProgram(t *testing.T, bin string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		return out.String(), errOut.String(), exit.ExitCode()
	}
	if err != nil {
		t.Fatalf("running %v: %v", args, err)
	}
	return out.String(), errOut.String(), 0
}
