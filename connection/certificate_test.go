package connection

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// TestSavedCertificateConnectionOpensAndChecks saves a certificate
// connection to an app whose certificate the admin uploaded, opens it
// through the engine and runs the connection test: the sign-in is a
// client assertion, and every feature of the main app works.
func TestSavedCertificateConnectionOpensAndChecks(t *testing.T) {
	srv := demotest.Start(t, demotenant.Options{AutoSignIn: true})
	store, err := keystore.Open(t.TempDir(), keystore.MemoryKeyring())
	if err != nil {
		t.Fatal(err)
	}
	f := fixture{info: srv.Info(), store: store}
	cert, err := oauth.NewCertificate("Entra Setup Wizard", "test", time.Now(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.UploadCertificate(f.info.ClientID, cert.DER); err != nil {
		t.Fatal(err)
	}
	p := keystore.Profile{Name: "cert", Cloud: keystore.CloudDemo, Tenant: f.info.TenantID, ClientID: f.info.ClientID,
		Method: keystore.MethodCertificate, Certificate: &keystore.CertificateSettings{DER: cert.DER, Thumbprint: cert.Thumbprint(), Expires: cert.NotAfter()}}
	if _, err := store.Save(p, keystore.Secrets{CertificateKey: cert.KeyText()}); err != nil {
		t.Fatal(err)
	}
	c, err := f.engine().Open(context.Background(), "cert")
	if err != nil {
		t.Fatal(err)
	}
	rep := c.Check(context.Background())
	if !rep.OK() || len(rep.Missing) != 0 {
		t.Fatalf("Check: err %v, missing %v", rep.Err, rep.Missing)
	}

	// A key from another certificate is refused before anything is sent.
	other, _ := oauth.NewCertificate("Entra Setup Wizard", "test", time.Now(), 0)
	res := f.engine().Test(context.Background(), Attempt{Profile: p, CertificateKey: other.KeyText()})
	if res.Report.Err == nil || !strings.Contains(res.Report.Err.Error(), "does not belong") {
		t.Errorf("Test with another key: %v, want it refused as not belonging to the certificate", res.Report.Err)
	}
}
