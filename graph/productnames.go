package graph

import (
	_ "embed"
	"encoding/csv"
	"strings"
	"sync"
)

// productNamesCSV holds three columns (GUID, String_Id,
// Product_Display_Name), one row per product, of Microsoft's
// "Product names and service plan identifiers for licensing" table
// (learn.microsoft.com/entra/identity/users/licensing-service-plan-reference,
// the CSV linked there). The service-plan columns are left out: the program
// names products, not the plans inside them.
//
//go:embed productnames.csv
var productNamesCSV string

// productNames indexes the table by SKU ID and by part number.
type productNames struct {
	byID   map[string]string
	byPart map[string]string
}

var loadProductNames = sync.OnceValue(func() productNames {
	rows, err := csv.NewReader(strings.NewReader(productNamesCSV)).ReadAll()
	if err != nil || len(rows) < 2 {
		// The table is embedded at build time; TestProductNamesTableParses
		// keeps it readable, so this only guards against a broken build.
		return productNames{}
	}
	names := productNames{byID: make(map[string]string, len(rows)), byPart: make(map[string]string, len(rows))}
	for _, row := range rows[1:] {
		if len(row) != 3 {
			continue
		}
		id, part, name := strings.ToLower(strings.TrimSpace(row[0])), strings.TrimSpace(row[1]), strings.TrimSpace(row[2])
		names.byID[id] = name
		names.byPart[strings.ToUpper(part)] = name
	}
	return names
})

// ProductName is the name Microsoft sells a license product under
// ("Office 365 E3" for ENTERPRISEPACK), found by its SKU ID or, failing that,
// its part number; "" when Microsoft's table does not know it.
func ProductName(skuID, partNumber string) string {
	names := loadProductNames()
	if name, ok := names.byID[strings.ToLower(strings.TrimSpace(skuID))]; ok {
		return name
	}
	return names.byPart[strings.ToUpper(strings.TrimSpace(partNumber))]
}
