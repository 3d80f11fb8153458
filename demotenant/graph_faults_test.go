package demotenant

import (
	"net/http"
	"testing"
)

func TestGraphThrottlesEveryNthRequest(t *testing.T) {
	s := startTenant(t, Options{ThrottleEvery: 3, RetryAfter: 7})
	g := appGraph(t, s)
	var statuses []int
	for range 6 {
		a := g.get("/organization")
		statuses = append(statuses, a.Status)
		if a.Status == http.StatusTooManyRequests {
			a.wantError(t, http.StatusTooManyRequests, "TooManyRequests")
			if got := a.Header.Get("Retry-After"); got != "7" {
				t.Errorf("Retry-After %q, want 7", got)
			}
		}
	}
	want := []int{200, 200, 429, 200, 200, 429}
	for i := range want {
		if statuses[i] != want[i] {
			t.Fatalf("statuses %v, want %v", statuses, want)
		}
	}
	if n := s.GraphRequests(); n != 6 {
		t.Errorf("%d Graph requests counted, want 6", n)
	}
}

func TestGraphDropsEveryNthConnection(t *testing.T) {
	s := startTenant(t, Options{DropEvery: 2})
	g := appGraph(t, s)
	// A fresh connection per request: Go's client would otherwise retry a
	// request whose reused connection closed, hiding the drop.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	var dropped, answered int
	for range 4 {
		req, _ := http.NewRequest(http.MethodGet, s.URL()+"/v1.0/organization", nil)
		req.Header.Set("Authorization", "Bearer "+g.token)
		resp, err := client.Do(req)
		if err != nil {
			dropped++
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("status %d", resp.StatusCode)
		}
		answered++
	}
	if dropped != 2 || answered != 2 {
		t.Errorf("%d dropped, %d answered; want every second request dropped", dropped, answered)
	}
}
