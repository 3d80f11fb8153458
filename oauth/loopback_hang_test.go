package oauth

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"
	"time"
)

// hungOpener stands for xdg-open running a browser in the foreground: it
// does what it is asked (or nothing) and then never returns while the test
// runs.
func hungOpener(t *testing.T, first func(string) error) (open func(string) error, called <-chan string) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	urls := make(chan string, 1)
	return func(u string) error {
		urls <- u
		if first != nil {
			_ = first(u)
		}
		<-release
		return nil
	}, urls
}

// runGuarded runs the sign-in and fails the test, rather than hanging it,
// when the sign-in does not end in time.
func runGuarded(t *testing.T, ctx context.Context, l LoopbackLogin) error {
	t.Helper()
	errc := make(chan error, 1)
	go func() { _, err := l.Run(ctx); errc <- err }()
	select {
	case err := <-errc:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("the sign-in is still waiting on an opener that never returns")
		return nil
	}
}

func TestHungOpenerDoesNotStopTheTimeout(t *testing.T) {
	idp := newTestIdP(t, "")
	l := idp.login(t)
	l.Timeout = 200 * time.Millisecond
	l.OpenURL, _ = hungOpener(t, nil)
	if err := runGuarded(t, context.Background(), l); !errors.Is(err, ErrLoginTimeout) {
		t.Fatalf("Run error = %v, want ErrLoginTimeout", err)
	}
}

func TestHungOpenerDoesNotStopCancel(t *testing.T) {
	idp := newTestIdP(t, "")
	l := idp.login(t)
	open, called := hungOpener(t, nil)
	l.OpenURL = open
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-called; cancel() }() // Cancel pressed while the opener hangs
	err := runGuarded(t, ctx, l)
	if !errors.Is(err, ErrLoginCancelled) {
		t.Fatalf("Run error = %v, want ErrLoginCancelled", err)
	}
}

func TestSignInEndsWithoutWaitingForTheBrowserToClose(t *testing.T) {
	idp := newTestIdP(t, "")
	l := idp.login(t)
	l.OpenURL, _ = hungOpener(t, (&testBrowser{}).open) // signs in, then the browser stays open
	if err := runGuarded(t, context.Background(), l); err != nil {
		t.Fatalf("Run error = %v, want a token", err)
	}
}

// BenchmarkCancelWithHungOpener measures the time from Cancel (pressed
// while the opener hangs) to the sign-in having ended and closed its
// listener.
func BenchmarkCancelWithHungOpener(b *testing.B) {
	idp := newTestIdP(b, "")
	for b.Loop() {
		b.StopTimer()
		release := make(chan struct{})
		called := make(chan struct{})
		l := idp.login(b)
		l.OpenURL = func(string) error { close(called); <-release; return nil }
		ctx, cancel := context.WithCancel(context.Background())
		errc := make(chan error, 1)
		go func() { _, err := l.Run(ctx); errc <- err }()
		<-called
		b.StartTimer()
		cancel()
		err := <-errc
		b.StopTimer()
		close(release)
		if !errors.Is(err, ErrLoginCancelled) {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

func TestIdleConnectionToTheListenerIsClosed(t *testing.T) {
	defer func(d time.Duration) { callbackIdleTimeout = d }(callbackIdleTimeout)
	callbackIdleTimeout = 200 * time.Millisecond
	idp := newTestIdP(t, "")
	l := idp.login(t)
	open, called := hungOpener(t, nil)
	l.OpenURL = open
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _, _ = l.Run(ctx) }()
	redirect := redirectOf(t, <-called)
	conn, err := net.Dial("tcp", "127.0.0.1:"+redirect.Port())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// A page's request, kept alive, then nothing more.
	fmt.Fprintf(conn, "GET /favicon.ico HTTP/1.1\r\nHost: localhost:%s\r\n\r\n", redirect.Port())
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err = io.Copy(io.Discard, conn) // returns once the server closes the connection
	if err != nil {
		t.Fatalf("the idle connection was not closed by the listener: %v", err)
	}
}
