package cli

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// watchedBuffer collects output written from any goroutine and signals
// once it contains a given text.
type watchedBuffer struct {
	mu   sync.Mutex
	b    strings.Builder
	want string
	seen chan struct{}
}

func (w *watchedBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	if w.seen != nil && strings.Contains(w.b.String(), w.want) {
		close(w.seen)
		w.seen = nil
	}
	return len(p), nil
}

func (w *watchedBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// TestConnectBrowserSaysItWaitsAndStopsOnCtrlC: with an opener that never
// returns (a browser run in the foreground), connect says it is waiting,
// what to look for on a Microsoft error page and how to stop; Ctrl+C (the
// command's context cancelled, as main does on SIGINT) ends it at once and
// nothing is saved.
func TestConnectBrowserSaysItWaitsAndStopsOnCtrlC(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	hang := make(chan struct{})
	defer close(hang)
	f.deps.openURL = func(string) error { <-hang; return nil }
	f.deps.loginTimeout = time.Hour
	stderr := &watchedBuffer{want: "to stop", seen: make(chan struct{})}
	seen := stderr.seen
	var stdout watchedBuffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: stderr, Getenv: func(string) string { return "" }}
	ctx, cancel := context.WithCancel(context.Background())
	args := append([]string{"--name", "admin", "--tenant", f.info.TenantID, "--client-id", f.info.PublicClientID,
		"--browser"}, f.endpointArgs()...)
	code := make(chan int, 1)
	go func() { code <- runConnect(ctx, args, env, f.deps) }()
	select {
	case <-seen:
	case <-time.After(20 * time.Second):
		t.Fatalf("connect --browser did not say it is waiting; stderr so far:\n%s", stderr)
	}
	cancel() // Ctrl+C
	select {
	case c := <-code:
		if c != 1 {
			t.Errorf("exit code = %d after Ctrl+C, want 1", c)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("connect --browser went on waiting after Ctrl+C while the browser opener hung")
	}
	for _, want := range []string{"Waiting for you to finish signing in", "press Ctrl+C to stop",
		"AADSTS50011", "http://localhost", "Need admin approval", "tenant not found"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stdout.String(), "cancelled") || !strings.Contains(stdout.String(), "Nothing was saved.") {
		t.Errorf("report = %q; want it to say the sign-in was cancelled and nothing was saved", stdout.String())
	}
	assertNothingSaved(t, f, "admin")
}
