package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// startDemoTenant runs the demo-tenant command in the background and returns
// the JSON line it printed and a function that stops it and returns its exit
// code.
func startDemoTenant(t *testing.T, args ...string) (line []byte, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	done := make(chan int, 1)
	go func() {
		defer outW.Close()
		done <- RunDemoTenant(ctx, args, Env{Stdout: outW, Stderr: io.Discard})
	}()
	line, err := bufio.NewReader(outR).ReadBytes('\n')
	if err != nil {
		cancel()
		t.Fatalf("reading the first line: %v (exit %d)", err, <-done)
	}
	go func() { _, _ = io.Copy(io.Discard, outR) }()
	stopped := false
	stop = func() int {
		if stopped {
			return 0
		}
		stopped = true
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(30 * time.Second):
			t.Fatal("demo-tenant did not stop after its context ended")
			return -1
		}
	}
	t.Cleanup(func() { stop() })
	return line, stop
}

func TestDemoTenantPrintsOneJSONLineAndServesUntilStopped(t *testing.T) {
	line, stop := startDemoTenant(t, "--scenario", "readonly")

	var fields map[string]any
	if err := json.Unmarshal(line, &fields); err != nil {
		t.Fatalf("first line is not JSON: %v\n%s", err, line)
	}
	want := []string{"authority", "graph", "tenantId", "tenantDomain", "clientId", "clientSecret", "publicClientId"}
	var got []string
	for k := range fields {
		got = append(got, k)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("JSON keys = %v, want %v", got, want)
	}

	var info demotenant.Info
	if err := json.Unmarshal(line, &info); err != nil {
		t.Fatal(err)
	}
	authority := mustLoopbackURL(t, "authority", info.Authority)
	mustLoopbackURL(t, "graph", info.Graph)

	resp, err := http.Get(info.Graph + "/v1.0/organization")
	if err != nil {
		t.Fatalf("the demo tenant does not answer: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		t.Errorf("Graph answered %s to a request without a token", resp.Status)
	}

	if code := stop(); code != 0 {
		t.Errorf("exit code %d after stopping, want 0", code)
	}
	conn, err := net.DialTimeout("tcp", authority.Host, 2*time.Second)
	if err == nil {
		conn.Close()
		t.Errorf("%s still accepts connections after the command stopped", authority.Host)
	}
}

func mustLoopbackURL(t *testing.T, name, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" || u.Port() == "" {
		t.Fatalf("%s = %q, want http://127.0.0.1:PORT", name, raw)
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
		t.Fatalf("%s = %q is not on a loopback address", name, raw)
	}
	if strings.HasSuffix(raw, "/") {
		t.Errorf("%s = %q ends with a slash", name, raw)
	}
	return u
}

func TestDemoTenantListensWhereAsked(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	line, _ := startDemoTenant(t, "--addr", addr)
	var info demotenant.Info
	if err := json.Unmarshal(line, &info); err != nil {
		t.Fatal(err)
	}
	if info.Authority != "http://"+addr {
		t.Errorf("authority = %q, want http://%s", info.Authority, addr)
	}
}

func TestDemoTenantRefusesBadInput(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		problem string
	}{
		{"all interfaces", []string{"--addr", "0.0.0.0:0"}, "not a loopback address"},
		{"a public host", []string{"--addr", "example.com:8080"}, "not a loopback address"},
		{"no port", []string{"--addr", "127.0.0.1"}, "not a HOST:PORT address"},
		{"unknown scenario", []string{"--scenario", "tiny"}, `unknown scenario "tiny"`},
		{"stray argument", []string{"now"}, `unexpected argument "now"`},
		{"negative throttling", []string{"--throttle-every", "-2"}, "cannot be negative"},
		{"negative latency", []string{"--latency", "-1s"}, "cannot be negative"},
		{"no retry delay", []string{"--retry-after", "0"}, "at least 1 second"},
		{"not a duration", []string{"--latency", "soon"}, "invalid value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut strings.Builder
			code := RunDemoTenant(context.Background(), tt.args, Env{Stdout: &out, Stderr: &errOut})
			if code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			if !strings.Contains(errOut.String(), tt.problem) {
				t.Errorf("stderr does not say %q:\n%s", tt.problem, errOut.String())
			}
			if out.Len() != 0 {
				t.Errorf("stdout = %q, want nothing", out.String())
			}
		})
	}
}

func TestDemoTenantThrottlesAndDropsWhenAsked(t *testing.T) {
	line, _ := startDemoTenant(t, "--throttle-every", "2", "--retry-after", "7", "--drop-every", "3")
	var info demotenant.Info
	if err := json.Unmarshal(line, &info); err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	var got []string
	for range 3 {
		resp, err := client.Get(info.Graph + "/v1.0/organization")
		if err != nil {
			got = append(got, "dropped")
			continue
		}
		resp.Body.Close()
		got = append(got, resp.Status+" Retry-After="+resp.Header.Get("Retry-After"))
	}
	if !strings.HasPrefix(got[0], "401") {
		t.Errorf("first request: %s, want 401 (no token, not throttled)", got[0])
	}
	if got[1] != "429 Too Many Requests Retry-After=7" {
		t.Errorf("second request: %s, want 429 with Retry-After=7", got[1])
	}
	if got[2] != "dropped" {
		t.Errorf("third request: %s, want the connection dropped", got[2])
	}
}

func TestDemoTenantReportsABusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()

	var out, errOut strings.Builder
	code := RunDemoTenant(context.Background(), []string{"--addr", ln.Addr().String()}, Env{Stdout: &out, Stderr: &errOut})
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if !strings.Contains(errOut.String(), "could not start") {
		t.Errorf("stderr does not say the tenant could not start:\n%s", errOut.String())
	}
	if out.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", out.String())
	}
}

func TestCheckLoopbackAddr(t *testing.T) {
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:0", true},
		{"127.0.0.2:8080", true},
		{"[::1]:0", true},
		{"localhost:9000", true},
		{"0.0.0.0:0", false},
		{"[::]:0", false},
		{"192.168.1.10:80", false},
		{"login.microsoftonline.com:443", false},
		{":8080", false},
		{"127.0.0.1", false},
		{"", false},
	}
	for _, tt := range tests {
		err := checkLoopbackAddr(tt.addr)
		if (err == nil) != tt.ok {
			t.Errorf("checkLoopbackAddr(%q) = %v, want ok=%v", tt.addr, err, tt.ok)
		}
	}
}
