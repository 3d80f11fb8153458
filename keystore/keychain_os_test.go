package keystore

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"
)

func TestKeychainNamedPerSystem(t *testing.T) {
	for goos, want := range map[string]string{
		"windows": "Credential Manager",
		"darwin":  "Keychain",
		"linux":   "Secret Service",
		"freebsd": "Secret Service",
	} {
		if got := keychainName(goos); !strings.Contains(got, want) {
			t.Errorf("%s: keychain named %q, want it to say %q", goos, got, want)
		}
		if got := keychainAdvice(goos); goos != "freebsd" && !strings.Contains(got, want) {
			t.Errorf("%s: advice %q does not name the %s", goos, got, want)
		}
	}
	if strings.Contains(keychainAdvice("windows"), "D-Bus") || strings.Contains(keychainAdvice("windows"), "GNOME") {
		t.Error("the Windows advice talks about Linux keychains")
	}
}

func TestSettingsProtectionPerSystem(t *testing.T) {
	if got := settingsProtection("windows"); !strings.Contains(got, "ACL") || strings.Contains(got, "0600") {
		t.Errorf("Windows: %q; want the profile's ACLs, not a Unix mode", got)
	}
	for _, goos := range []string{"linux", "darwin"} {
		if got := settingsProtection(goos); !strings.Contains(got, "0600") {
			t.Errorf("%s: %q; want mode 0600", goos, got)
		}
	}
}

func TestKeychainReasonExplainsEachSystemsErrors(t *testing.T) {
	tests := []struct {
		goos string
		err  error
		want string
	}{
		// wincred returns the Windows error number as a syscall.Errno.
		{"windows", fmt.Errorf("CredWrite: %w", syscall.Errno(1312)), "not available in this logon session"},
		{"windows", syscall.Errno(5), "denied access to the Credential Manager"},
		{"windows", syscall.Errno(87), "refused the entry"},
		{"windows", errors.New("something new"), "Windows Credential Manager: something new"},
		// go-keyring runs /usr/bin/security, which exits with the low byte
		// of the Keychain's status.
		{"darwin", errors.New("exit status 36"), "login keychain is locked"},
		{"darwin", errors.New("exit status 51"), "password was not accepted"},
		{"darwin", errors.New("exit status 128"), "declined"},
		{"darwin", errors.New(`exec: "/usr/bin/security": executable file not found in $PATH`), "could not be run"},
		{"darwin", errors.New("exit status 99"), "macOS Keychain: exit status 99"},
		{"linux", errors.New("The name org.freedesktop.secrets was not provided by any .service files"), "Secret Service not running"},
		{"linux", errors.New("dial unix /run/user/0/bus: connect: no such file"), "no D-Bus session"},
		{"linux", errors.New("failed to unlock correct collection"), "locked"},
	}
	for _, tt := range tests {
		if got := keychainReason(tt.goos, tt.err); !strings.Contains(got, tt.want) {
			t.Errorf("%s %q: reason %q, want it to say %q", tt.goos, tt.err, got, tt.want)
		}
	}
	// No system's explanation of another's error mentions D-Bus unless it
	// is Linux's.
	if got := keychainReason("windows", errors.New("dial unix: session bus")); strings.Contains(got, "D-Bus") {
		t.Errorf("Windows explained an error as D-Bus: %q", got)
	}
}
