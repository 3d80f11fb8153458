package graph

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
	"github.com/microsoftgraph/msgraph-sdk-go/users"
)

// Permissions the license operations need.
var (
	// needReadSKUs reads the tenant's subscriptions; assigning licenses
	// (LicenseAssignment.ReadWrite.All) does not. Organization.Read.All
	// comes first, although LicenseAssignment.Read.All is narrower, because
	// the setup asks for it anyway to show the tenant's name.
	needReadSKUs      = []string{"Organization.Read.All", "LicenseAssignment.Read.All", "Directory.Read.All"}
	needManageLicense = []string{"LicenseAssignment.ReadWrite.All", "User.ReadWrite.All"}
)

// SKUs lists the license products the tenant has bought, with free units.
func (c *Client) SKUs(ctx context.Context) ([]SKU, error) {
	resp, err := c.sdk().SubscribedSkus().Get(ctx, nil)
	if err != nil {
		return nil, fail(err, "list the tenant's licenses", needReadSKUs...)
	}
	var out []SKU
	for _, s := range resp.GetValue() {
		sku := SKU{PartNumber: deref(s.GetSkuPartNumber()), Consumed: int(deref(s.GetConsumedUnits()))}
		if id := s.GetSkuId(); id != nil {
			sku.ID = id.String()
		}
		if units := s.GetPrepaidUnits(); units != nil {
			sku.Enabled = int(deref(units.GetEnabled()))
		}
		sku.ProductName = ProductName(sku.ID, sku.PartNumber)
		out = append(out, sku)
	}
	return out, nil
}

// UserLicenses lists the licenses assigned to a user.
func (c *Client) UserLicenses(ctx context.Context, userID string) ([]License, error) {
	if err := noID("read the user's licenses", userID); err != nil {
		return nil, err
	}
	resp, err := c.sdk().Users().ByUserId(userID).LicenseDetails().Get(ctx, nil)
	if err != nil {
		return nil, fail(err, "read the user's licenses", needReadUsers...)
	}
	var out []License
	for _, d := range resp.GetValue() {
		l := License{PartNumber: deref(d.GetSkuPartNumber())}
		if id := d.GetSkuId(); id != nil {
			l.SKUID = id.String()
		}
		l.ProductName = ProductName(l.SKUID, l.PartNumber)
		out = append(out, l)
	}
	return out, nil
}

// AssignLicense gives a user a license of the product skuID, with every
// service plan enabled. The user needs a usage location.
func (c *Client) AssignLicense(ctx context.Context, userID, skuID string) error {
	if err := noID("assign the license", userID); err != nil {
		return err
	}
	id, err := parseSKU(skuID)
	if err != nil {
		return err
	}
	add := models.NewAssignedLicense()
	add.SetSkuId(&id)
	add.SetDisabledPlans([]uuid.UUID{})
	body := users.NewItemAssignLicensePostRequestBody()
	body.SetAddLicenses([]models.AssignedLicenseable{add})
	body.SetRemoveLicenses([]uuid.UUID{})
	_, err = c.sdk().Users().ByUserId(userID).AssignLicense().Post(ctx, body, nil)
	return fail(err, "assign the license", needManageLicense...)
}

// RemoveLicense takes the license of the product skuID from a user.
func (c *Client) RemoveLicense(ctx context.Context, userID, skuID string) error {
	if err := noID("remove the license", userID); err != nil {
		return err
	}
	id, err := parseSKU(skuID)
	if err != nil {
		return err
	}
	body := users.NewItemAssignLicensePostRequestBody()
	body.SetAddLicenses([]models.AssignedLicenseable{})
	body.SetRemoveLicenses([]uuid.UUID{id})
	_, err = c.sdk().Users().ByUserId(userID).AssignLicense().Post(ctx, body, nil)
	return fail(err, "remove the license", needManageLicense...)
}

func parseSKU(s string) (uuid.UUID, error) {
	id, err := uuid.Parse(s)
	if err != nil {
		return uuid.UUID{}, fmt.Errorf("graph: %q is not a license product ID (a GUID)", s)
	}
	return id, nil
}
