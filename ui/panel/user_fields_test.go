package panel

import "testing"

// TestUsageLocationMustBeACountry checks the field takes only ISO 3166-1
// country codes, as Microsoft Graph does: two letters are not enough.
func TestUsageLocationMustBeACountry(t *testing.T) {
	for value, ok := range map[string]bool{"": true, "de": true, " US ": true, "GB": true, "XX": false, "UK": false, "USA": false, "1A": false} {
		if err := validateUsageLocation(value); (err == nil) != ok {
			t.Errorf("%q: %v", value, err)
		}
	}
}
