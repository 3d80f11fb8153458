package keystore

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSavingKeepsFieldsThisVersionDoesNotKnow(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, SettingsFileName)
	newer := `{
  "version": 1,
  "theme": {"dark": true},
  "connections": [
    {"name": "work", "cloud": "global", "tenant": "contoso.onmicrosoft.com",
     "clientId": "00000000-0000-0000-0000-000000000001", "method": "client_secret",
     "created": "2026-01-02T03:04:05Z", "deltaLink": "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc",
     "notes": ["first", "second"]}
  ]
}`
	if err := os.WriteFile(path, []byte(newer), 0o600); err != nil {
		t.Fatal(err)
	}
	store, err := Open(dir, MemoryKeyring())
	if err != nil {
		t.Fatal(err)
	}
	p, err := store.Get("work")
	if err != nil {
		t.Fatal(err)
	}
	p.Tenant = "fabrikam.onmicrosoft.com"
	if _, err := store.Save(p, Secrets{ClientSecret: "s"}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Save(testProfile("second"), Secrets{ClientSecret: "s"}); err != nil {
		t.Fatal(err)
	}
	if err := store.Rename("work", "work2"); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	var doc struct {
		Theme       map[string]bool  `json:"theme"`
		Connections []map[string]any `json:"connections"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	c := doc.Connections[0]
	if !doc.Theme["dark"] || c["deltaLink"] != "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc" ||
		fmt.Sprint(c["notes"]) != "[first second]" {
		t.Fatalf("fields this version does not know were dropped on saving:\n%s", data)
	}
	if c["tenant"] != "fabrikam.onmicrosoft.com" || c["name"] != "work2" {
		t.Fatalf("the known fields were not updated:\n%s", data)
	}
	if _, ok := doc.Connections[1]["deltaLink"]; ok {
		t.Fatalf("another connection gained the unknown fields:\n%s", data)
	}
}

func TestHugeSettingsFileIsRefusedWithAClearMessage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, SettingsFileName)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A valid JSON document of 300 MB: a file only reading it whole would
	// reject, after taking twice its size in memory.
	_, _ = f.WriteString(`{"version":1,"connections":[],"padding":"`)
	_ = f.Truncate(300 << 20)
	_, _ = f.WriteAt([]byte(`"}`), 300<<20)
	f.Close()
	_, err = Open(dir, MemoryKeyring())
	if err == nil || !strings.Contains(err.Error(), "larger than 4 MB") || !strings.Contains(err.Error(), "move it aside") {
		t.Fatalf("Open of a 300 MB settings file: err = %v; want a refusal that says it is too large and what to do", err)
	}
}
