package graph

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/microsoftgraph/msgraph-sdk-go/applications"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
)

// GraphAppID is Microsoft Graph's application ID: the resource of every
// permission the program uses.
const GraphAppID = "00000003-0000-0000-c000-000000000000"

// Permissions the app registration operations need.
var (
	needReadApps   = []string{"Application.Read.All", "Application.ReadWrite.All"}
	needManageApps = []string{"Application.ReadWrite.All"}
)

// Application is an app registration.
type Application struct {
	ObjectID    string
	AppID       string
	DisplayName string
	// Public reports a redirect under Mobile and desktop applications.
	Public bool
	// SecretKeyIDs are the key ids of its client secrets.
	SecretKeyIDs []string
	// CertificateKeyIDs are the key ids of its certificates.
	CertificateKeyIDs []string
}

// Certificate is a certificate credential's public part, as an app's
// keyCredentials carry it: Graph and Entra never see the private key.
type Certificate struct {
	// KeyID names it on the app (a GUID the caller chooses for a new one).
	KeyID       string
	DisplayName string
	// DER is the X.509 certificate.
	DER        []byte
	Start, End time.Time
}

// NewApplication describes an app registration to create, single tenant.
type NewApplication struct {
	DisplayName string
	// RoleIDs and ScopeIDs are the Microsoft Graph application permissions
	// (app role ids) and delegated permissions (scope ids) it asks for.
	RoleIDs, ScopeIDs []string
	// PublicRedirects are redirect URIs under Mobile and desktop
	// applications, e.g. http://localhost for a browser sign-in.
	PublicRedirects []string
	// WebRedirects are redirect URIs under Web, e.g. http://localhost for
	// the admin-consent page to return to.
	WebRedirects []string
	// Certificates are registered with it (keyCredentials), so it never
	// exists without the credential it signs in with.
	Certificates []Certificate
}

// Secret is a new client secret: Text is shown only once, by addPassword.
type Secret struct {
	KeyID   string
	Text    string
	Expires time.Time
}

// ApplicationsNamed lists the app registrations whose display name is name.
func (c *Client) ApplicationsNamed(ctx context.Context, name string) ([]Application, error) {
	filter := "displayName eq '" + strings.ReplaceAll(name, "'", "''") + "'"
	resp, err := c.sdk().Applications().Get(ctx, &applications.ApplicationsRequestBuilderGetRequestConfiguration{
		QueryParameters: &applications.ApplicationsRequestBuilderGetQueryParameters{Filter: &filter},
	})
	if err != nil {
		return nil, fail(err, "find the app registration", needReadApps...)
	}
	var out []Application
	for _, a := range resp.GetValue() {
		out = append(out, applicationOf(a))
	}
	return out, nil
}

// ApplicationByAppID gets an app registration by its application (client) ID.
func (c *Client) ApplicationByAppID(ctx context.Context, appID string) (Application, error) {
	if err := noID("read the app registration", appID); err != nil {
		return Application{}, err
	}
	a, err := c.sdk().ApplicationsWithAppId(&appID).Get(ctx, nil)
	if err == nil && a == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return Application{}, fail(err, "read the app registration", needReadApps...)
	}
	return applicationOf(a), nil
}

// CreateApplication registers a single-tenant app asking for the given
// Microsoft Graph permissions.
func (c *Client) CreateApplication(ctx context.Context, na NewApplication) (Application, error) {
	body := models.NewApplication()
	body.SetDisplayName(&na.DisplayName)
	body.SetSignInAudience(ptr("AzureADMyOrg"))
	var access []models.ResourceAccessable
	for _, ids := range []struct {
		typ string
		ids []string
	}{{"Role", na.RoleIDs}, {"Scope", na.ScopeIDs}} {
		for _, id := range ids.ids {
			u, err := uuid.Parse(id)
			if err != nil {
				return Application{}, fail(err, "create the app registration")
			}
			ra := models.NewResourceAccess()
			ra.SetId(&u)
			ra.SetTypeEscaped(ptr(ids.typ))
			access = append(access, ra)
		}
	}
	rra := models.NewRequiredResourceAccess()
	rra.SetResourceAppId(ptr(GraphAppID))
	rra.SetResourceAccess(access)
	body.SetRequiredResourceAccess([]models.RequiredResourceAccessable{rra})
	if len(na.PublicRedirects) > 0 {
		pc := models.NewPublicClientApplication()
		pc.SetRedirectUris(na.PublicRedirects)
		body.SetPublicClient(pc)
	}
	if len(na.WebRedirects) > 0 {
		web := models.NewWebApplication()
		web.SetRedirectUris(na.WebRedirects)
		body.SetWeb(web)
	}
	if len(na.Certificates) > 0 {
		keys, err := keyCredentials(na.Certificates)
		if err != nil {
			return Application{}, fail(err, "create the app registration")
		}
		body.SetKeyCredentials(keys)
	}
	a, err := c.sdk().Applications().Post(ctx, body, nil)
	if err == nil && a == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return Application{}, fail(err, "create the app registration", needManageApps...)
	}
	return applicationOf(a), nil
}

// DeleteApplication deletes an app registration by object ID; Entra
// deletes its service principal, and so its permissions, with it.
func (c *Client) DeleteApplication(ctx context.Context, objectID string) error {
	if err := noID("delete the app registration", objectID); err != nil {
		return err
	}
	err := c.sdk().Applications().ByApplicationId(objectID).Delete(ctx, nil)
	return fail(err, "delete the app registration", needManageApps...)
}

// AddSecret adds a client secret named displayName that expires at
// expires.
func (c *Client) AddSecret(ctx context.Context, objectID, displayName string, expires time.Time) (Secret, error) {
	if err := noID("add a client secret", objectID); err != nil {
		return Secret{}, err
	}
	pc := models.NewPasswordCredential()
	pc.SetDisplayName(&displayName)
	end := expires.UTC()
	pc.SetEndDateTime(&end)
	body := applications.NewItemAddPasswordPostRequestBody()
	body.SetPasswordCredential(pc)
	got, err := c.sdk().Applications().ByApplicationId(objectID).AddPassword().Post(ctx, body, nil)
	if err == nil && (got == nil || got.GetKeyId() == nil || deref(got.GetSecretText()) == "") {
		err = errEmptyAnswer
	}
	if err != nil {
		return Secret{}, fail(err, "add a client secret", needManageApps...)
	}
	s := Secret{KeyID: got.GetKeyId().String(), Text: deref(got.GetSecretText()), Expires: end}
	if e := got.GetEndDateTime(); e != nil {
		s.Expires = e.UTC()
	}
	return s, nil
}

// RemoveSecret removes the client secret with key id keyID.
func (c *Client) RemoveSecret(ctx context.Context, objectID, keyID string) error {
	if err := noID("remove the client secret", objectID, keyID); err != nil {
		return err
	}
	u, err := uuid.Parse(keyID)
	if err != nil {
		return fail(err, "remove the client secret")
	}
	body := applications.NewItemRemovePasswordPostRequestBody()
	body.SetKeyId(&u)
	err = c.sdk().Applications().ByApplicationId(objectID).RemovePassword().Post(ctx, body, nil)
	return fail(err, "remove the client secret", needManageApps...)
}

// SetCertificates replaces the certificates of an app registration with
// certs: PATCH keyCredentials replaces the whole collection, as Graph
// documents, so certs must hold every certificate to keep.
func (c *Client) SetCertificates(ctx context.Context, objectID string, certs []Certificate) error {
	if err := noID("change the app's certificates", objectID); err != nil {
		return err
	}
	keys, err := keyCredentials(certs)
	if err != nil {
		return fail(err, "change the app's certificates")
	}
	body := models.NewApplication()
	body.SetKeyCredentials(keys)
	_, err = c.sdk().Applications().ByApplicationId(objectID).Patch(ctx, body, nil)
	return fail(err, "change the app's certificates", needManageApps...)
}

// keyCredentials renders certificates as Graph's keyCredentials: the
// certificate for verifying assertions (AsymmetricX509Cert, Verify).
// None is an empty list, not a missing one: PATCH with no keyCredentials
// would leave the app's certificates as they are.
func keyCredentials(certs []Certificate) ([]models.KeyCredentialable, error) {
	out := []models.KeyCredentialable{}
	for _, cert := range certs {
		id, err := uuid.Parse(cert.KeyID)
		if err != nil {
			return nil, err
		}
		kc := models.NewKeyCredential()
		kc.SetKeyId(&id)
		kc.SetTypeEscaped(ptr("AsymmetricX509Cert"))
		kc.SetUsage(ptr("Verify"))
		kc.SetKey(cert.DER)
		kc.SetDisplayName(&cert.DisplayName)
		start, end := cert.Start.UTC(), cert.End.UTC()
		kc.SetStartDateTime(&start)
		kc.SetEndDateTime(&end)
		out = append(out, kc)
	}
	return out, nil
}

func applicationOf(a models.Applicationable) Application {
	out := Application{ObjectID: deref(a.GetId()), AppID: deref(a.GetAppId()), DisplayName: deref(a.GetDisplayName())}
	if pc := a.GetPublicClient(); pc != nil && len(pc.GetRedirectUris()) > 0 {
		out.Public = true
	}
	for _, p := range a.GetPasswordCredentials() {
		if p.GetKeyId() != nil {
			out.SecretKeyIDs = append(out.SecretKeyIDs, p.GetKeyId().String())
		}
	}
	for _, k := range a.GetKeyCredentials() {
		if k.GetKeyId() != nil {
			out.CertificateKeyIDs = append(out.CertificateKeyIDs, k.GetKeyId().String())
		}
	}
	return out
}
