package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// TestStatusRefusesASettingsFileEditedToSendTheSecretElsewhere: a saved
// connection's authority is changed in the settings file to another
// server; status sends it nothing and says to connect again.
func TestStatusRefusesASettingsFileEditedToSendTheSecretElsewhere(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	if r := f.connectSecret(t, "Northwind", f.info.ClientID, f.info.ClientSecret); r.code != 0 {
		t.Fatalf("connect: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var got atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Add(1)
		http.Error(w, "{}", http.StatusBadRequest)
	}))
	defer other.Close()
	settings := f.store(t).SettingsFile()
	data, err := os.ReadFile(settings)
	if err != nil || !strings.Contains(string(data), `"authority": "`+f.info.Authority) {
		t.Fatalf("the settings file does not hold the authority (%v)", err)
	}
	edited := strings.Replace(string(data), `"authority": "`+f.info.Authority, `"authority": "`+other.URL, 1)
	if err := os.WriteFile(settings, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}

	before := f.srv.Requests()
	res := f.run(t, runStatus, "", "--name", "Northwind", "--json")
	results := decodeResults(t, res.stdout)
	if res.code != 1 || len(results) != 1 || results[0].Error == nil {
		t.Fatalf("status = %d, %+v", res.code, results)
	}
	msg := results[0].Error.Message
	if !strings.Contains(msg, strings.TrimPrefix(other.URL, "http://")) || !strings.Contains(msg, "connect again to use the new address") ||
		strings.Contains(res.stdout+res.stderr, f.info.ClientSecret) {
		t.Errorf("status said %q", msg)
	}
	if n := got.Load(); n != 0 {
		t.Errorf("the other server got %d requests", n)
	}
	if n := f.srv.Requests() - before; n != 0 {
		t.Errorf("status made %d requests to the demo tenant for a connection it refused", n)
	}
}
