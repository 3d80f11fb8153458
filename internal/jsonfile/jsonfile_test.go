package jsonfile

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

type doc struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

func TestWriteThenReadGivesTheValueBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "doc.json")
	if err := Write(path, doc{"Northwind", 3}); err != nil {
		t.Fatal(err)
	}
	var got doc
	found, err := Read(path, 1<<20, "a document", &got)
	if err != nil || !found || got != (doc{"Northwind", 3}) {
		t.Fatalf("read back %+v, found %v, %v", got, found, err)
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(path)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, %v; want 0600", info.Mode().Perm(), err)
		}
	}
	left, _ := os.ReadDir(filepath.Dir(path))
	if len(left) != 1 {
		t.Errorf("the folder holds %d files, want only the document", len(left))
	}
}

func TestReadSaysNotFoundForAMissingFile(t *testing.T) {
	var got doc
	found, err := Read(filepath.Join(t.TempDir(), "none.json"), 1<<20, "a document", &got)
	if found || err != nil {
		t.Fatalf("found %v, %v", found, err)
	}
}

func TestReadRefusesAFileTooLargeAndBrokenJSON(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, []byte(`{"name":"`+strings.Repeat("x", 2<<20)+`"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	var got doc
	if _, err := Read(big, 1<<20, "a document", &got); err == nil || !strings.Contains(err.Error(), "more than a document holds") {
		t.Errorf("a 2 MB file read with a 1 MB limit: %v", err)
	}
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte(`{"name":`), 0o600); err != nil {
		t.Fatal(err)
	}
	if found, err := Read(broken, 1<<20, "a document", &got); !found || err == nil {
		t.Errorf("broken JSON: found %v, %v", found, err)
	}
}
