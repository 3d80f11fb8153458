package cli

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"testing"
)

// run calls Run with the given arguments and environment variables and
// reports what it printed, its exit code, and the options the GUI was opened
// with (nil if it was not opened).
func run(t *testing.T, vars map[string]string, args ...string) (code int, stdout, stderr string, opened *GUIOptions) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{
		Stdin:  strings.NewReader(""),
		Stdout: &out,
		Stderr: &errOut,
		Getenv: func(k string) string { return vars[k] },
	}
	gui := func(_ context.Context, opts GUIOptions) int {
		opened = &opts
		return 7
	}
	code = Run(context.Background(), args, env, gui)
	return code, out.String(), errOut.String(), opened
}

var x11 = map[string]string{"DISPLAY": ":99"}

func TestRunOpensTheAppWithoutACommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want GUIOptions
	}{
		{"no arguments", nil, GUIOptions{}},
		{"demo", []string{"--demo"}, GUIOptions{Demo: true}},
		{"demo with a single dash", []string{"-demo"}, GUIOptions{Demo: true}},
		{"demo scenario", []string{"--demo", "--scenario", "noconsent"}, GUIOptions{Demo: true, Scenario: "noconsent"}},
		{"demo scenario with equals", []string{"--demo", "--scenario=large"}, GUIOptions{Demo: true, Scenario: "large"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr, opened := run(t, x11, tt.args...)
			if opened == nil {
				t.Fatalf("the app was not opened; exit %d, stderr %q", code, stderr)
			}
			if *opened != tt.want {
				t.Errorf("opened with %+v, want %+v", *opened, tt.want)
			}
			if code != 7 {
				t.Errorf("exit code %d, want the app's own (7)", code)
			}
			if stdout != "" || stderr != "" {
				t.Errorf("printed %q / %q before opening the app", stdout, stderr)
			}
		})
	}
}

func TestRunRejectsBadUsageWithoutAWindow(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		problem string
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"--bogus"}, "flag provided but not defined: -bogus"},
		{"unknown flag after demo", []string{"--demo", "--verbose"}, "-verbose"},
		{"stray argument", []string{"--demo", "status"}, `unexpected argument "status"`},
		{"scenario without demo", []string{"--scenario", "large"}, "--scenario only applies with --demo"},
		{"unknown scenario", []string{"--demo", "--scenario", "huge"}, `unknown scenario "huge"`},
		{"help for an unknown command", []string{"help", "frobnicate"}, `unknown command "frobnicate"`},
		{"demo-tenant flag", []string{"demo-tenant", "--bogus"}, "-bogus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr, opened := run(t, x11, tt.args...)
			if code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			if opened != nil {
				t.Errorf("the app was opened with %+v", *opened)
			}
			if !strings.Contains(stderr, tt.problem) {
				t.Errorf("stderr does not name the problem %q:\n%s", tt.problem, stderr)
			}
			if !strings.Contains(stderr, "Usage:") {
				t.Errorf("stderr has no usage text:\n%s", stderr)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
		})
	}
}

func TestRunHelpPrintsUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--help"}, "entra-wizard --demo"},
		{[]string{"-h"}, "entra-wizard --demo"},
		{[]string{"help"}, "entra-wizard --demo"},
		{[]string{"help", "demo-tenant"}, "Usage: entra-wizard demo-tenant"},
		{[]string{"demo-tenant", "--help"}, "Usage: entra-wizard demo-tenant"},
		{[]string{"help", "connect"}, "entra-wizard connect"},
		{[]string{"help", "status"}, "entra-wizard status"},
		{[]string{"help", "export"}, "entra-wizard export"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr, opened := run(t, x11, tt.args...)
			if code != 0 || opened != nil {
				t.Fatalf("exit %d, opened %v; want 0 and no window", code, opened)
			}
			if !strings.Contains(stdout, tt.want) {
				t.Errorf("stdout lacks %q:\n%s", tt.want, stdout)
			}
			if stderr != "" {
				t.Errorf("stderr = %q, want nothing", stderr)
			}
		})
	}
}

func TestRunWithoutDisplaySaysHowToRunHeadless(t *testing.T) {
	if hasDisplay(runtime.GOOS, func(string) string { return "" }) {
		t.Skip("on " + runtime.GOOS + " a display is always reachable")
	}
	code, _, stderr, opened := run(t, nil, "--demo")
	if code != 1 || opened != nil {
		t.Fatalf("exit %d, opened %v; want 1 and no window", code, opened)
	}
	if strings.TrimSpace(stderr) != NoDisplayMessage {
		t.Errorf("stderr = %q, want %q", stderr, NoDisplayMessage)
	}
	if !strings.Contains(stderr, "xvfb-run -a entra-wizard --demo") {
		t.Errorf("the message does not say how to run headless: %q", stderr)
	}
}

func TestHasDisplay(t *testing.T) {
	tests := []struct {
		goos string
		vars map[string]string
		want bool
	}{
		{"linux", nil, false},
		{"linux", map[string]string{"DISPLAY": ":0"}, true},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, true},
		{"linux", map[string]string{"XDG_SESSION_TYPE": "tty"}, false},
		{"freebsd", nil, false},
		{"openbsd", map[string]string{"DISPLAY": ":1"}, true},
		{"darwin", nil, true},
		{"windows", nil, true},
	}
	for _, tt := range tests {
		got := hasDisplay(tt.goos, func(k string) string { return tt.vars[k] })
		if got != tt.want {
			t.Errorf("hasDisplay(%s, %v) = %v, want %v", tt.goos, tt.vars, got, tt.want)
		}
	}
}
