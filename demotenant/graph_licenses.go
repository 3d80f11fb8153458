package demotenant

import (
	"net/http"
	"slices"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

func (s *Server) listSubscribedSKUs(c *graphCall) error {
	if err := c.allow(readSKUs); err != nil {
		return err
	}
	values := make([]odata.Object, 0, len(s.dir.skus))
	for _, k := range s.dir.skus {
		values = append(values, odata.Object{
			{"accountName", strings.TrimSuffix(s.dir.tenantDomain, ".onmicrosoft.com")},
			{"accountId", s.dir.tenantID},
			{"appliesTo", "User"},
			{"capabilityStatus", "Enabled"},
			{"consumedUnits", s.dir.consumedUnits(k.SkuID)},
			{"id", s.dir.tenantID + "_" + k.SkuID},
			{"skuId", k.SkuID},
			{"skuPartNumber", k.SkuPartNumber},
			{"subscriptionIds", []string{stableGUID("subscription: " + s.dir.tenantID + " " + k.SkuID)}},
			{"prepaidUnits", odata.Object{{"enabled", k.Enabled}, {"suspended", 0}, {"warning", 0}, {"lockedOut", 0}}},
			{"servicePlans", servicePlansJSON(k)},
		})
	}
	return c.writeJSON(http.StatusOK, odata.Object{{"@odata.context", c.contextURL("subscribedSkus")}, {"value", values}})
}

func servicePlansJSON(k *sku) []odata.Object {
	out := make([]odata.Object, 0, len(k.ServicePlans))
	for _, p := range k.ServicePlans {
		o := odata.Object{{"servicePlanId", p.ID}, {"servicePlanName", p.Name}, {"provisioningStatus", "Success"}, {"appliesTo", "User"}}
		out = append(out, o)
	}
	return out
}

// consumedUnits counts the users a SKU is assigned to.
func (d *directory) consumedUnits(skuID string) int {
	n := 0
	for _, u := range d.users {
		if hasLicense(u, skuID) {
			n++
		}
	}
	return n
}

func hasLicense(u *user, skuID string) bool {
	return slices.ContainsFunc(u.Licenses, func(l assignedLicense) bool { return strings.EqualFold(l.SkuID, skuID) })
}

func (d *directory) skuByID(id string) *sku {
	for _, k := range d.skus {
		if strings.EqualFold(k.SkuID, id) {
			return k
		}
	}
	return nil
}

func (s *Server) listLicenseDetails(c *graphCall) error {
	if err := c.allow(readLicenses); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	values := []odata.Object{}
	for _, l := range u.Licenses {
		k := s.dir.skuByID(l.SkuID)
		if k == nil {
			continue
		}
		values = append(values, odata.Object{
			{"id", licenseDetailID(u.ID, k.SkuID)},
			{"skuId", k.SkuID},
			{"skuPartNumber", k.SkuPartNumber},
			{"servicePlans", servicePlansJSON(k)},
		})
	}
	return c.writeJSON(http.StatusOK, odata.Object{
		{"@odata.context", c.contextURL("users('" + u.ID + "')/licenseDetails")},
		{"value", values},
	})
}

// licenseDetailID is the id Graph gives a user's license: derived from
// the user and the SKU.
func licenseDetailID(userID, skuID string) string {
	return stableGUID("license: " + userID + " " + skuID)
}

// assignLicenseRequest is the body of POST /users/{id}/assignLicense.
type assignLicenseRequest struct {
	AddLicenses *[]struct {
		SkuID         string   `json:"skuId"`
		DisabledPlans []string `json:"disabledPlans"`
	} `json:"addLicenses"`
	RemoveLicenses *[]string `json:"removeLicenses"`
}

func (s *Server) assignLicense(c *graphCall) error {
	if err := c.allow(assignLicenses); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	var req assignLicenseRequest
	if err := c.decodeBody(&req); err != nil {
		return err
	}
	if req.AddLicenses == nil {
		return errInvalidProperty("addLicenses", "User")
	}
	if req.RemoveLicenses == nil {
		return errInvalidProperty("removeLicenses", "User")
	}
	licenses := slices.Clone(u.Licenses)
	for _, id := range *req.RemoveLicenses {
		if !hasLicense(u, id) {
			return odata.NewError(http.StatusBadRequest, "Request_BadRequest", "User does not have a corresponding license.")
		}
		licenses = slices.DeleteFunc(licenses, func(l assignedLicense) bool { return strings.EqualFold(l.SkuID, id) })
	}
	if len(*req.AddLicenses) > 0 && u.UsageLocation == "" {
		return errInvalidUsageLocation
	}
	for _, add := range *req.AddLicenses {
		k := s.dir.skuByID(add.SkuID)
		if k == nil {
			return odata.NewError(http.StatusBadRequest, "Request_BadRequest",
				"License %s does not correspond to a valid company License.", add.SkuID)
		}
		if hasLicense(u, k.SkuID) {
			licenses = slices.DeleteFunc(licenses, func(l assignedLicense) bool { return l.SkuID == k.SkuID })
		} else if s.dir.consumedUnits(k.SkuID) >= k.Enabled {
			return odata.NewError(http.StatusBadRequest, "Request_BadRequest",
				"Subscription with SKU %s does not have any available licenses.", k.SkuID)
		}
		licenses = append(licenses, assignedLicense{SkuID: k.SkuID, DisabledPlans: nonNil(add.DisabledPlans)})
	}
	before := *u
	u.Licenses = licenses
	s.dir.recordUpdate(&before, u)
	out := append(odata.Object{{"@odata.context", c.contextURL("users/$entity")}}, odata.Render(u, nil, false)...)
	return c.writeJSON(http.StatusOK, out)
}
