package keyscan

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"
)

// TestFindSeesEveryForm writes the key in each form a file could hold it
// and checks that each is found, and that a folder without it is clean.
func TestFindSeesEveryForm(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(k)
	text := base64.StdEncoding.EncodeToString(pkcs8)
	pkcs1 := x509.MarshalPKCS1PrivateKey(k)
	files := map[string][]byte{
		"pkcs8.der":  pkcs8,
		"pkcs1.der":  pkcs1,
		"pkcs1.pem":  pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: pkcs1}),
		"pkcs8.b64":  []byte(`{"key":"` + text + `"}`),
		"pem.b64":    []byte(base64.StdEncoding.EncodeToString(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8}))),
		"pkcs1.b64":  []byte(base64.StdEncoding.EncodeToString(pkcs1)),
		"inside.bin": append(append([]byte("head"), k.D.Bytes()...), "tail"...),
	}
	clean := t.TempDir()
	if err := os.WriteFile(filepath.Join(clean, "public.cer"), []byte("public part"), 0o600); err != nil {
		t.Fatal(err)
	}
	if found, err := Find(text, clean); err != nil || len(found) != 0 {
		t.Fatalf("a clean folder: %v, %v", found, err)
	}
	for name, data := range files {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
		if found, err := Find(text, clean, dir); err != nil || len(found) != 1 {
			t.Errorf("%s: found %v, %v", name, found, err)
		}
	}
}
