package flow

import (
	"os"
	"time"

	"github.com/entra-wizard/entra-wizard/oauth"
)

// MakeCertificate makes a new key pair and a certificate for the app
// named app, valid for a year, and uses it for keystore.MethodCertificate. Only its
// public part is shown or written to a file; the key is kept in memory
// until the connection is saved.
func (w *Wizard) MakeCertificate(app string, now time.Time) error {
	computer, _ := os.Hostname()
	c, err := oauth.NewCertificate(app, computer, now, 0)
	if err != nil {
		return err
	}
	w.State.Certificate = c
	return nil
}

// ImportCertificate uses a certificate and its key from a file's contents
// (.pfx or .p12 opened with password, or PEM), after the checks of
// oauth.ImportCertificate. A refused file changes nothing; the message
// says why in an admin's words.
func (w *Wizard) ImportCertificate(data []byte, password string, now time.Time) error {
	c, err := oauth.ImportCertificate(data, password, now)
	if err != nil {
		return &importError{msg: sentence(err.Error()), err: err}
	}
	w.State.Certificate = c
	return nil
}

// importError is a refused file in the wizard's words; errors.Is still
// finds oauth.ErrCertificatePassword through it.
type importError struct {
	msg string
	err error
}

func (e *importError) Error() string { return e.msg }
func (e *importError) Unwrap() error { return e.err }
