//go:build !windows

package keystore

import (
	"os/exec"
	"strings"
	"testing"
)

// listAccounts lists the account names stored under service in the Secret
// Service, through secret-tool.
func listAccounts(t *testing.T, service string) []string {
	t.Helper()
	tool, err := exec.LookPath("secret-tool")
	if err != nil {
		t.Skip("secret-tool is needed to list keychain entries")
	}
	out, _ := exec.Command(tool, "search", "--all", "service", service).CombinedOutput()
	var accounts []string
	for line := range strings.Lines(string(out)) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "attribute.username = "); ok {
			accounts = append(accounts, v)
		}
	}
	return accounts
}
