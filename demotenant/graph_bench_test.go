package demotenant

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"golang.org/x/oauth2/clientcredentials"
)

// BenchmarkListLargeTenant lists all 20,000 users of the large tenant by
// pages of 999, following @odata.nextLink, as a client paging through the
// whole directory does. Time and allocations cover client and server.
func BenchmarkListLargeTenant(b *testing.B) {
	s := startTenant(b, Options{Scenario: ScenarioLarge})
	info := s.Info()
	cfg := clientcredentials.Config{
		ClientID: info.ClientID, ClientSecret: info.ClientSecret,
		TokenURL: s.URL() + "/" + info.TenantID + "/oauth2/v2.0/token",
		Scopes:   []string{"https://graph.microsoft.com/.default"},
	}
	tok, err := cfg.Token(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for next := s.URL() + "/v1.0/users?$top=999"; next != ""; {
			req, _ := http.NewRequest(http.MethodGet, next, nil)
			req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var page struct {
				NextLink string            `json:"@odata.nextLink"`
				Value    []json.RawMessage `json:"value"`
			}
			err = json.NewDecoder(resp.Body).Decode(&page)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK {
				b.Fatalf("page: %d %v", resp.StatusCode, err)
			}
			n += len(page.Value)
			next = page.NextLink
		}
		if n != 20000 {
			b.Fatalf("listed %d users", n)
		}
	}
}

// BenchmarkBuildLargeTenant generates the large scenario's directory.
func BenchmarkBuildLargeTenant(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newDirectory(ScenarioLarge); err != nil {
			b.Fatal(err)
		}
	}
}
