package graph

import "testing"

func TestProductNamesTableParses(t *testing.T) {
	names := loadProductNames()
	// Microsoft's table lists several hundred products; a short or empty
	// index means the embedded file was cut or the parser broke.
	if len(names.byID) < 400 || len(names.byPart) < 400 {
		t.Fatalf("the product-name table has %d IDs and %d part numbers; want hundreds", len(names.byID), len(names.byPart))
	}
}

func TestProductNameOfKnownSKUs(t *testing.T) {
	cases := []struct{ id, part, want string }{
		{"6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", "Office 365 E3"},
		{"efccb6f7-5641-4e0e-bd10-b4976e1bf68e", "EMS", "Enterprise Mobility + Security E3"},
		{"06ebc4ee-1bb5-47dd-8120-11324bc54e06", "SPE_E5", "Microsoft 365 E5"},
		{"05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3", "Microsoft 365 E3"},
		{"c7df2760-2c81-4ef7-b578-5b5392b571df", "ENTERPRISEPREMIUM", "Office 365 E5"},
		{"18181a46-0d4e-45cd-891e-60aabd171b4e", "STANDARDPACK", "Office 365 E1"},
		{"078d2b04-f1bd-4111-bbd4-b4b1b354cef4", "AAD_PREMIUM", "Microsoft Entra ID P1"},
		// Graph writes GUIDs in lower case; a tenant export may not.
		{"6FD2C87F-B296-42F0-B197-1E91E994B900", "", "Office 365 E3"},
		// Only the part number known (an ID the table does not list).
		{"00000000-0000-0000-0000-000000000000", "SPE_E5", "Microsoft 365 E5"},
		{"", "enterprisepack", "Office 365 E3"},
		// Unknown product: no name, the caller shows the part number.
		{"11111111-2222-3333-4444-555555555555", "CONTOSO_SPECIAL", ""},
	}
	for _, c := range cases {
		if got := ProductName(c.id, c.part); got != c.want {
			t.Errorf("ProductName(%q, %q) = %q, want %q", c.id, c.part, got, c.want)
		}
	}
}
