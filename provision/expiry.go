package provision

import (
	"fmt"
	"math"
	"time"
)

// WarnDays is how many days before a secret expires the program starts to
// warn.
const WarnDays = 30

// SecretExpiry says when a client secret expires, in days from now, and
// whether to warn (from WarnDays before, and once it has expired).
func SecretExpiry(expires, now time.Time) (text string, warn bool) {
	return expiry("client secret", "secret", expires, now)
}

// CertificateExpiry says the same of a certificate.
func CertificateExpiry(expires, now time.Time) (text string, warn bool) {
	return expiry("certificate", "certificate", expires, now)
}

func expiry(long, short string, expires, now time.Time) (text string, warn bool) {
	days := int(math.Ceil(expires.Sub(now).Hours() / 24))
	switch {
	case !expires.After(now):
		return "the " + long + " has expired: renew it", true
	case days == 1:
		return short + " expires in 1 day: renew it", true
	case days <= WarnDays:
		return fmt.Sprintf("%s expires in %d days: renew it", short, days), true
	}
	return fmt.Sprintf("%s expires in %d days", short, days), false
}
