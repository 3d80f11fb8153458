package keystore

import (
	"errors"
	"runtime"
	"strings"
	"syscall"
)

// The texts in this file depend on the system the program runs on; each
// takes the system's name (runtime.GOOS) so tests check every system's words
// on any one of them.

// KeychainName names the system keychain in messages: the Credential Manager
// on Windows, the Keychain on macOS, the Secret Service elsewhere.
func KeychainName() string { return keychainName(runtime.GOOS) }

func keychainName(goos string) string {
	switch goos {
	case "windows":
		return "Windows Credential Manager"
	case "darwin":
		return "macOS Keychain"
	default:
		return "Secret Service keychain"
	}
}

// KeychainAdvice says what an admin can do when the system keychain cannot
// be used, in the words of the system the program runs on.
func KeychainAdvice() string { return keychainAdvice(runtime.GOOS) }

func keychainAdvice(goos string) string {
	switch goos {
	case "windows":
		return "Run the program while signed in to Windows as yourself (not as a service or a scheduled task), " +
			"so the Windows Credential Manager is available; if your organization's policy forbids saving " +
			"credentials, ask its administrator."
	case "darwin":
		return "Unlock your login keychain (in Keychain Access, or with \"security unlock-keychain\" in Terminal) " +
			"and allow Entra Setup Wizard to use it when macOS asks."
	default:
		return "Start or unlock the Secret Service keychain of your desktop session (GNOME Keyring or KWallet)."
	}
}

// SettingsProtection says who may read the settings file on the system the
// program runs on. (The file holds no secret, but it is still kept private.)
func SettingsProtection() string { return settingsProtection(runtime.GOOS) }

func settingsProtection(goos string) string {
	if goos == "windows" {
		return "protected by your Windows user profile's permissions (ACLs)"
	}
	return "readable only by you (mode 0600)"
}

// Windows error numbers the Credential Manager answers with.
const (
	winAccessDenied       = 5    // ERROR_ACCESS_DENIED
	winInvalidParameter   = 87   // ERROR_INVALID_PARAMETER
	winNoSuchLogonSession = 1312 // ERROR_NO_SUCH_LOGON_SESSION
)

// macOS's security tool exits with the low byte of the Keychain's error
// status; go-keyring reports it as "exit status N".
var macOSKeychainReasons = map[string]string{
	"exit status 36":  "the login keychain is locked and macOS may not ask for its password here (for example over SSH or in a script)",
	"exit status 51":  "the keychain's password was not accepted",
	"exit status 128": "the request to use the keychain was declined",
	"exit status 50":  "the keychain does not exist",
	"exit status 37":  "there is no default keychain",
}

// keychainReason turns a keychain library error into a short cause an admin
// can act on, knowing which system's keychain produced it.
func keychainReason(goos string, err error) string {
	msg := err.Error()
	switch goos {
	case "windows":
		var errno syscall.Errno
		if errors.As(err, &errno) {
			switch uintptr(errno) {
			case winNoSuchLogonSession:
				return "the Windows Credential Manager is not available in this logon session " +
					"(a service, a scheduled task or a remote session without a loaded user profile, or a policy that forbids saving credentials)"
			case winAccessDenied:
				return "Windows denied access to the Credential Manager"
			case winInvalidParameter:
				return "the Windows Credential Manager refused the entry (too large or a bad name)"
			}
		}
		return "Windows Credential Manager: " + msg
	case "darwin":
		for status, reason := range macOSKeychainReasons {
			if strings.HasSuffix(msg, status) {
				return reason
			}
		}
		if strings.Contains(msg, "executable file not found") || strings.Contains(msg, "no such file") {
			return "the macOS keychain tool /usr/bin/security could not be run"
		}
		return "macOS Keychain: " + msg
	}
	switch {
	case strings.Contains(msg, "org.freedesktop.secrets"):
		return "Secret Service not running"
	case strings.Contains(msg, "unlock"), strings.Contains(msg, "locked"):
		return "the keychain is locked and could not be unlocked"
	case strings.Contains(msg, "session bus"), strings.Contains(msg, "dial "),
		strings.Contains(msg, "DBUS_SESSION_BUS_ADDRESS"):
		return "no D-Bus session: " + msg
	}
	return msg
}
