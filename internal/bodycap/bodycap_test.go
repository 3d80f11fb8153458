package bodycap_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/internal/bodycap"
)

// endless writes zeros until the client goes away.
func endless(w http.ResponseWriter, r *http.Request) {
	chunk := make([]byte, 32<<10)
	for r.Context().Err() == nil {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
}

func TestAnswersUpToTheLimitAreReadWhole(t *testing.T) {
	for _, n := range []int{0, 1, 1023, 1024} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write([]byte(strings.Repeat("x", n)))
		}))
		c := &http.Client{Transport: bodycap.Transport{Limit: 1024, Service: "Test"}}
		resp, err := c.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		srv.Close()
		if err != nil || len(got) != n {
			t.Errorf("%d bytes: read %d, %v", n, len(got), err)
		}
	}
}

func TestEndlessAndOversizedAnswersFailWithAClearError(t *testing.T) {
	for name, h := range map[string]http.HandlerFunc{
		"endless, chunked": endless,
		"one byte too many": func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write([]byte(strings.Repeat("x", 1025)))
		},
		"announced too large": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Length", "1099511627776")
			_, _ = w.Write([]byte("x"))
		},
	} {
		srv := httptest.NewServer(h)
		c := &http.Client{Transport: bodycap.Transport{Limit: 1024, Service: "Test"}}
		resp, err := c.Get(srv.URL)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		srv.Close()
		if !errors.Is(err, bodycap.ErrTooLarge) || !strings.Contains(err.Error(), "more than 1 KiB") {
			t.Errorf("%s: read %d bytes, error %v; want ErrTooLarge naming the limit", name, len(got), err)
		}
		if len(got) > 1024 {
			t.Errorf("%s: read %d bytes, more than the limit", name, len(got))
		}
	}
}
