// Package keyscan looks through folders for a private key in any form a
// file could hold it, so tests can prove that a flow left it nowhere but
// the keychain.
package keyscan

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Find returns the files under roots that hold the RSA key given as the
// keychain keeps it (PKCS #8 in base64): its DER (PKCS #8 or PKCS #1),
// their PEM and base64 forms, the start of that base64 as PEM wraps it,
// the private exponent's bytes or their hex.
func Find(keyText string, roots ...string) ([]string, error) {
	needles, err := forms(keyText)
	if err != nil {
		return nil, err
	}
	var found []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !d.Type().IsRegular() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, n := range needles {
				if bytes.Contains(data, n) {
					found = append(found, path)
					break
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return found, nil
}

// forms are the byte strings that betray the key.
func forms(keyText string) ([][]byte, error) {
	pkcs8, err := base64.StdEncoding.DecodeString(keyText)
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKCS8PrivateKey(pkcs8)
	if err != nil {
		return nil, err
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("keyscan: not an RSA key")
	}
	pkcs1 := x509.MarshalPKCS1PrivateKey(rk)
	d := rk.D.Bytes()
	var out [][]byte
	for _, der := range [][]byte{pkcs8, pkcs1} {
		b64 := base64.StdEncoding.EncodeToString(der)
		out = append(out, der, []byte(b64), []byte(b64[:64]), []byte(base64.RawURLEncoding.EncodeToString(der)))
	}
	for _, b := range []*pem.Block{{Type: "PRIVATE KEY", Bytes: pkcs8}, {Type: "RSA PRIVATE KEY", Bytes: pkcs1}} {
		p := pem.EncodeToMemory(b)
		out = append(out, p, []byte(base64.StdEncoding.EncodeToString(p)))
	}
	return append(out, d, []byte(hex.EncodeToString(d))), nil
}
