package keystore

import (
	"strings"
	"testing"

	"github.com/danieljoos/wincred"
)

// listAccounts lists the account names stored under service in the
// Credential Manager. go-keyring names each credential "service:account".
func listAccounts(t *testing.T, service string) []string {
	t.Helper()
	creds, err := wincred.FilteredList(service + ":*")
	if err != nil {
		t.Fatalf("listing the Credential Manager: %v", err)
	}
	var accounts []string
	for _, c := range creds {
		if account, ok := strings.CutPrefix(c.TargetName, service+":"); ok {
			accounts = append(accounts, account)
		}
	}
	return accounts
}
