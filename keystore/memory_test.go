package keystore

import (
	"errors"
	"testing"
)

// The memory keyring must behave like the system one where other packages'
// tests rely on it: missing entries are ErrNotFound, overwrites replace.
func TestMemoryKeyringContract(t *testing.T) {
	kr := MemoryKeyring()
	if _, err := kr.Get("a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get of a missing entry: err = %v, want ErrNotFound", err)
	}
	if err := kr.Delete("a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Delete of a missing entry: err = %v, want ErrNotFound", err)
	}
	_ = kr.Set("a", "1")
	_ = kr.Set("a", "2")
	if v, err := kr.Get("a"); err != nil || v != "2" {
		t.Fatalf("Get after two Sets = %q, %v; want the second value", v, err)
	}
	if err := kr.Delete("a"); err != nil {
		t.Fatal(err)
	}
	if _, err := kr.Get("a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: err = %v, want ErrNotFound", err)
	}
}
