package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The locales a server, a container or a bare shell hands the program.
var bareLocales = []struct {
	name string
	env  []string
}{
	{"LANG=C.UTF-8", []string{"LANG=C.UTF-8"}},
	{"LC_ALL=C.UTF-8", []string{"LC_ALL=C.UTF-8"}},
	{"LANG=C", []string{"LANG=C"}},
	{"no LANG", nil},
}

// TestCommandsSayNothingAboutTheLocale runs the built program under a bare
// environment (env -i) with each locale and checks that no command writes
// Fyne's locale complaint, or anything else not its own, to stderr.
func TestCommandsSayNothingAboutTheLocale(t *testing.T) {
	bin := buildProgram(t)
	for _, loc := range bareLocales {
		t.Run(loc.name, func(t *testing.T) {
			config := t.TempDir()
			env := append([]string{"ENTRA_WIZARD_CONFIG_DIR=" + config}, loc.env...)
			for _, tc := range []struct {
				args []string
				code int
				// stderr is what the command itself says there.
				stderr string
			}{
				{[]string{"--help"}, 0, ""},
				{[]string{"help", "status"}, 0, ""},
				{[]string{"status", "--json"}, 1, ""},
				{[]string{"status"}, 1, ""},
				{[]string{"connect", "--name"}, 2, "flag needs an argument"},
				{[]string{"no-such-command"}, 2, `unknown command "no-such-command"`},
				{[]string{"--demo"}, 1, "No graphical display found"},
			} {
				stdout, stderr, code := runProgram(t, bin, env, tc.args...)
				if code != tc.code {
					t.Errorf("%v: exit status %d, want %d\nstdout: %s\nstderr: %s", tc.args, code, tc.code, stdout, stderr)
				}
				checkOwnWords(t, tc.args, stderr, tc.stderr)
			}
			t.Run("demo-tenant", func(t *testing.T) { checkDemoTenantQuiet(t, bin, env) })
		})
	}
}

// checkOwnWords fails unless stderr is empty (want "") or says want, and
// mentions neither Fyne nor the locale.
func checkOwnWords(t *testing.T, args []string, stderr, want string) {
	t.Helper()
	switch {
	case strings.Contains(stderr, "Fyne error") || strings.Contains(stderr, "user locale"):
		t.Errorf("%v wrote a message of Fyne to stderr:\n%s", args, stderr)
	case want == "" && stderr != "":
		t.Errorf("%v wrote to stderr:\n%s", args, stderr)
	case !strings.Contains(stderr, want):
		t.Errorf("%v: stderr does not say %q:\n%s", args, want, stderr)
	}
}

// checkDemoTenantQuiet starts demo-tenant, waits for its JSON line, stops it
// with SIGINT and checks that it wrote only its own words to stderr.
func checkDemoTenantQuiet(t *testing.T, bin string, env []string) {
	cmd := exec.Command(bin, "demo-tenant")
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("demo-tenant printed no line: %v (stderr: %s)", err, stderr.String())
	}
	var info struct{ Graph string }
	if err := json.Unmarshal([]byte(line), &info); err != nil || info.Graph == "" {
		t.Fatalf("demo-tenant printed %q, not its addresses (%v)", line, err)
	}
	_ = cmd.Process.Signal(syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Errorf("demo-tenant ended with %v after SIGINT", err)
	}
	checkOwnWords(t, []string{"demo-tenant"}, stderr.String(), "Press Ctrl+C to stop it")
}

// TestWindowFallsBackToEnglishQuietly opens the real window under Xvfb with
// each bare locale and checks that the program says nothing on stderr until
// its window is on screen, nor about the locale until it has closed on
// SIGTERM. (Fyne may log a preferences reload racing its own save at exit.)
func TestWindowFallsBackToEnglishQuietly(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: this test opens the real window under Xvfb (make test runs it)")
	}
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is missing (apt-get install xvfb xdotool): cannot open a window", tool)
		}
	}
	bin := buildProgram(t)
	display := startXvfb(t)
	for _, loc := range bareLocales {
		t.Run(loc.name, func(t *testing.T) {
			home := t.TempDir()
			cmd := exec.Command(bin, "--demo")
			// A desktop session always has a HOME; Fyne keeps its own
			// preferences under it.
			cmd.Dir = home
			cmd.Env = append([]string{"DISPLAY=" + display, "HOME=" + home}, loc.env...)
			var output lockedBuffer
			cmd.Stdout, cmd.Stderr = &output, &output
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			ended := make(chan error, 1)
			go func() { ended <- cmd.Wait() }()
			defer func() { _ = cmd.Process.Kill() }()
			if err := waitForWindow(display, cmd.Process.Pid, ended); err != nil {
				t.Fatalf("%v; it wrote:\n%s", err, output.String())
			}
			checkOwnWords(t, []string{"--demo", "(starting)"}, output.String(), "")
			_ = cmd.Process.Signal(syscall.SIGTERM)
			if err := <-ended; err != nil {
				t.Errorf("the app ended with %v after SIGTERM; it wrote:\n%s", err, output.String())
			}
			if strings.Contains(output.String(), "locale") {
				t.Errorf("the app wrote about the locale:\n%s", output.String())
			}
		})
	}
}

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitForWindow waits up to a minute for a visible window of process pid,
// and gives up at once if the process ends (its Wait result arrives on
// ended).
func waitForWindow(display string, pid int, ended <-chan error) error {
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		search := exec.Command("xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(pid))
		search.Env = []string{"DISPLAY=" + display}
		if out, err := search.Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
			return nil
		}
		select {
		case err := <-ended:
			return fmt.Errorf("the app ended (%v) before its window appeared", err)
		case <-time.After(50 * time.Millisecond):
		}
	}
	return errors.New("no window appeared within a minute")
}

// startXvfb starts a virtual display for the test and returns its name.
func startXvfb(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	// -noreset: by default Xvfb resets when its last client leaves, and a
	// program that connects during the reset cannot open the display.
	xvfb := exec.Command("Xvfb", "-displayfd", "3", "-noreset", "-screen", "0", "1280x900x24", "-nolisten", "tcp")
	xvfb.ExtraFiles = []*os.File{w}
	if err := xvfb.Start(); err != nil {
		t.Fatal(err)
	}
	_ = w.Close()
	t.Cleanup(func() { _ = xvfb.Process.Kill(); _ = xvfb.Wait() })
	line, err := bufio.NewReader(r).ReadString('\n')
	_ = r.Close()
	if err != nil {
		t.Fatalf("Xvfb gave no display number: %v", err)
	}
	return ":" + strings.TrimSpace(line)
}
