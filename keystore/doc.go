// Package keystore keeps named connection profiles: the non-secret settings
// (cloud, endpoints, tenant, client ID, sign-in method) in a small JSON file,
// and the secrets (client secret, refresh token) in the operating system's
// keychain only.
//
// Every keychain call runs with a timeout, because a locked keychain can
// block forever, and failures come back as typed errors (ErrNotFound,
// ErrUnavailable, ErrTimeout, ErrExists) to test with errors.Is. There is no
// plaintext fallback: when no keychain is available nothing is saved.
// Values larger than the smallest platform limit (Windows allows 2,560 bytes
// per credential) are stored in chunks: each save writes a new generation
// of chunks, then switches a small manifest (length and checksum) to it,
// then deletes the old generation, so neither a reader nor a program killed
// midway ever sees a torn value. A keychain call given up on after its
// timeout undoes itself when it finally completes. Changes to the settings
// file hold an operating-system file lock, and sweep what a killed program
// left behind (secrets of connections never saved, old temporary files).
//
// Each keychain value records where its secret was saved for (the cloud,
// the custom endpoints, or the LDAP server and its pinned certificate), and
// Secrets releases it only while the settings file still points there
// (otherwise ErrEndpointsChanged): editing the file cannot send a saved
// secret to another host. A value that records nothing is never released.
package keystore
