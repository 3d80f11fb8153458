package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/provision"
)

// defaultUploadWait is how long connect --new-certificate waits for the
// admin to upload the certificate and for Entra to accept it.
const defaultUploadWait = 15 * time.Minute

// maxCertificateFile bounds what is read of --certificate FILE.
const maxCertificateFile = 1 << 20

// notUploaded is Entra's answer to a certificate it does not know: not
// uploaded yet, or uploaded moments ago.
const notUploaded = "AADSTS700027"

// certificateOf is the certificate connect signs in with: imported from
// --certificate FILE (the password read from standard input with
// --certificate-password-stdin), or made for --new-certificate. Messages
// name the file, never the password.
func (o connectOptions) certificateOf(stdin io.Reader, now time.Time) (*oauth.Certificate, error) {
	if o.NewCertificate != "" {
		computer, _ := os.Hostname()
		return oauth.NewCertificate(provision.DefaultAppName, computer, now, 0)
	}
	data, err := readCertificateFile(o.Certificate)
	if err != nil {
		return nil, err
	}
	var password string
	if o.PasswordStdin {
		if password, err = readPassword(stdin, "--certificate-password-stdin"); err != nil {
			return nil, err
		}
	}
	c, err := oauth.ImportCertificate(data, password, now)
	switch {
	case errors.Is(err, oauth.ErrCertificatePassword) && !o.PasswordStdin:
		return nil, fmt.Errorf("--certificate %s: the file is protected by a password: pipe it in with --certificate-password-stdin", o.Certificate)
	case err != nil:
		return nil, fmt.Errorf("--certificate %s: %w", o.Certificate, err)
	}
	return c, nil
}

func readCertificateFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--certificate: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCertificateFile+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("--certificate %s: reading the file: %w", path, err)
	case len(data) > maxCertificateFile:
		return nil, fmt.Errorf("--certificate %s: the file is far larger than a certificate", path)
	}
	return data, nil
}

// writePublicPart writes the new certificate without its key to the file
// --new-certificate names, which must not exist yet, and tells the admin
// where to upload it.
func (o connectOptions) writePublicPart(c *oauth.Certificate, p keystore.Profile, progress io.Writer) error {
	f, err := os.OpenFile(o.NewCertificate, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("--new-certificate: %w (choose a file that does not exist yet)", err)
	}
	_, err = f.Write(c.PublicFile(o.NewCertificate))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("--new-certificate %s: %w", o.NewCertificate, err)
	}
	ep, _ := connection.Resolve(p.Cloud, p.Authority, p.Graph, nil)
	fmt.Fprintf(progress, "Wrote the certificate (its public part only) to %s.\n"+
		"Thumbprint: %s\n"+
		"Upload it in the Entra admin center under Certificates & secrets > Certificates > Upload certificate:\n  %s\n"+
		"The portal then lists the same thumbprint. Waiting up to %s for Microsoft Entra to accept it (press Ctrl+C to stop)...\n",
		o.NewCertificate, c.Thumbprint(), oauth.PortalLinks(ep, p.ClientID).Certificates, o.uploadWait())
	return nil
}

func (o connectOptions) uploadWait() time.Duration {
	if o.Wait > 0 {
		return o.Wait
	}
	return defaultUploadWait
}

// testUntilUploaded tests a new certificate's connection until Entra
// knows the certificate or the wait is over, backing off from one second
// to ten; the key stays in memory meanwhile, and is saved only once a
// test passes.
func (d connectionDeps) testUntilUploaded(ctx context.Context, t connectionTarget, c credentials, wait time.Duration, progress io.Writer) connectionResult {
	deadline := time.Now().Add(wait)
	delay := time.Second
	for {
		res, _ := d.test(ctx, t, c, progress)
		if res.Error == nil || res.Error.Code != notUploaded {
			return res
		}
		if time.Now().Add(delay).After(deadline) {
			res.notes = append(res.notes, fmt.Sprintf("Microsoft Entra did not accept the certificate within %s. Its key was "+
				"not kept, so the file written cannot be used: delete it (and remove it from the app if you uploaded it), "+
				"then run the command again and upload the new file.", wait))
			return res
		}
		timer := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			timer.Stop()
			return res
		case <-timer.C:
		}
		delay = min(2*delay, 10*time.Second)
	}
}
