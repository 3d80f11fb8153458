package cli

import (
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// connectRuns is how many connects (each saving a new connection) and
// exports run against a demo tenant that drops every third Graph
// connection without an answer.
const connectRuns = 6

func TestConnectAndExportSurviveDroppedConnections(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{DropEvery: 3})
	for i := range connectRuns {
		name := "dropped-" + string(rune('a'+i))
		res := f.connectSecret(t, name, f.info.ClientID, f.info.ClientSecret)
		if res.code != 0 {
			t.Fatalf("connect %d with every 3rd connection dropped: exit %d\n%s%s", i, res.code, res.stdout, res.stderr)
		}
		res = f.run(t, runExport, "", "users", "--name", name)
		if res.code != 0 {
			t.Fatalf("export %d with every 3rd connection dropped: exit %d\n%s", i, res.code, res.stderr)
		}
		if rows := strings.Count(res.stdout, "\n"); rows < 251 {
			t.Fatalf("export %d wrote %d lines; the tenant has 250+ users", i, rows)
		}
	}
}
