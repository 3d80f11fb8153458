package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func skuNamed(t *testing.T, c *graph.Client, part string) graph.SKU {
	t.Helper()
	skus, err := c.SKUs(context.Background())
	if err != nil {
		t.Fatalf("SKUs: %v", err)
	}
	for _, s := range skus {
		if s.PartNumber == part {
			return s
		}
	}
	t.Fatalf("no SKU %s in %v", part, skus)
	return graph.SKU{}
}

func TestAssignAndRemoveLicense(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	ems := skuNamed(t, tn.client, "EMS")
	u, err := tn.client.CreateUser(ctx, newUser(t, tn, "licensed"))
	if err != nil {
		t.Fatal(err)
	}
	if err := tn.client.AssignLicense(ctx, u.ID, ems.ID); err != nil {
		t.Fatalf("AssignLicense: %v", err)
	}
	lic, err := tn.client.UserLicenses(ctx, u.ID)
	if err != nil || len(lic) != 1 || lic[0].SKUID != ems.ID || lic[0].PartNumber != "EMS" {
		t.Fatalf("UserLicenses = %v, %v", lic, err)
	}
	if ems.ProductName != "Enterprise Mobility + Security E3" || lic[0].ProductName != ems.ProductName {
		t.Errorf("product names: tenant %q, user %q; want Microsoft's name for EMS", ems.ProductName, lic[0].ProductName)
	}
	if after := skuNamed(t, tn.client, "EMS"); after.Consumed != ems.Consumed+1 || after.Free() != ems.Free()-1 {
		t.Errorf("consumed %d -> %d", ems.Consumed, after.Consumed)
	}
	if err := tn.client.RemoveLicense(ctx, u.ID, ems.ID); err != nil {
		t.Fatalf("RemoveLicense: %v", err)
	}
	if lic, err := tn.client.UserLicenses(ctx, u.ID); err != nil || len(lic) != 0 {
		t.Errorf("after removal: %v, %v", lic, err)
	}
}

func TestLicenseErrorsInPlainWords(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	e3 := skuNamed(t, tn.client, "ENTERPRISEPACK")
	noLocation := newUser(t, tn, "nowhere")
	noLocation.UsageLocation = ""
	u, err := tn.client.CreateUser(ctx, noLocation)
	if err != nil {
		t.Fatal(err)
	}
	err = tn.client.AssignLicense(ctx, u.ID, e3.ID)
	if e, ok := graph.AsError(err); !ok || !strings.Contains(e.Plain(), "usage location") {
		t.Errorf("no usage location: %v", err)
	}
	// Use up the free units, then one more.
	for i := 0; i < e3.Free(); i++ {
		v, err := tn.client.CreateUser(ctx, newUser(t, tn, "e3."+string(rune('a'+i))))
		if err != nil {
			t.Fatal(err)
		}
		if err := tn.client.AssignLicense(ctx, v.ID, e3.ID); err != nil {
			t.Fatalf("assign unit %d of %d free: %v", i+1, e3.Free(), err)
		}
	}
	v, err := tn.client.CreateUser(ctx, newUser(t, tn, "e3.onetoomany"))
	if err != nil {
		t.Fatal(err)
	}
	err = tn.client.AssignLicense(ctx, v.ID, e3.ID)
	if e, ok := graph.AsError(err); !ok || !strings.Contains(e.Plain(), "no free licenses") {
		t.Errorf("no free licenses: %v", err)
	}
	if err := tn.client.AssignLicense(ctx, v.ID, "E3"); err == nil || !strings.Contains(err.Error(), "not a license product ID") {
		t.Errorf("bad SKU id: %v", err)
	}
}
