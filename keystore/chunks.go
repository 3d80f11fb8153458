package keystore

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// chunkSize is the largest piece stored in one keychain entry. Windows
// allows 2,560 bytes per credential; on macOS go-keyring passes the value
// base64-encoded (a third larger) with the service and account on one
// command line of at most 4,096 bytes. 2,000 bytes fits both, with room for
// the longest connection name.
const chunkSize = 2000

// manifestPrefix starts the value of an entry whose secret lives in chunks;
// the chunk count follows it. A secret that itself starts with the prefix is
// always chunked, so reading a manifest is never ambiguous.
const manifestPrefix = "entra-wizard-chunks:"

// maxChunks bounds the count read back from a manifest (2 MB of secret).
const maxChunks = 1000

func chunkAccount(account string, n int) string {
	return account + "/part-" + strconv.Itoa(n)
}

// writeValue stores value under account: directly when it fits in one entry,
// otherwise as numbered chunks plus a manifest under account. Chunks left
// over from a longer earlier value are deleted.
func writeValue(kr Keyring, account, value string) error {
	parts := splitChunks(value)
	kept := 0
	if len(parts) == 1 && !strings.HasPrefix(value, manifestPrefix) {
		if err := kr.Set(account, value); err != nil {
			return err
		}
	} else {
		for i, part := range parts {
			if err := kr.Set(chunkAccount(account, i+1), part); err != nil {
				return err
			}
		}
		if err := kr.Set(account, manifestPrefix+strconv.Itoa(len(parts))); err != nil {
			return err
		}
		kept = len(parts)
	}
	return deleteChunksAfter(kr, account, kept)
}

// readValue returns the secret stored under account, reassembling chunks.
func readValue(kr Keyring, account string) (string, error) {
	value, err := kr.Get(account)
	if err != nil {
		return "", err
	}
	count, ok := strings.CutPrefix(value, manifestPrefix)
	if !ok {
		return value, nil
	}
	n, err := strconv.Atoi(count)
	if err != nil || n < 1 || n > maxChunks {
		return "", fmt.Errorf("the keychain entry %q is damaged (bad chunk count)", account)
	}
	var b strings.Builder
	for i := 1; i <= n; i++ {
		part, err := kr.Get(chunkAccount(account, i))
		if errors.Is(err, ErrNotFound) {
			return "", fmt.Errorf("the keychain entry %q is incomplete (part %d of %d is missing): %w", account, i, n, err)
		}
		if err != nil {
			return "", err
		}
		b.WriteString(part)
	}
	return b.String(), nil
}

// deleteValue removes account and all its chunks. A missing entry is not an
// error; it reports whether anything was there.
func deleteValue(kr Keyring, account string) (bool, error) {
	if err := deleteChunksAfter(kr, account, 0); err != nil {
		return false, err
	}
	err := kr.Delete(account)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// deleteChunksAfter deletes chunks keep+1, keep+2, ... until one is missing.
// Chunks are always written as an unbroken run from 1, so the first gap ends
// the run.
func deleteChunksAfter(kr Keyring, account string, keep int) error {
	for i := keep + 1; i <= maxChunks; i++ {
		err := kr.Delete(chunkAccount(account, i))
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// splitChunks cuts s into pieces of at most chunkSize bytes without
// splitting a valid UTF-8 sequence. An empty s gives one empty piece.
func splitChunks(s string) []string {
	parts := []string{}
	for len(s) > chunkSize {
		end := chunkSize
		for end > chunkSize-utf8.UTFMax && !utf8.RuneStart(s[end]) {
			end--
		}
		parts = append(parts, s[:end])
		s = s[end:]
	}
	return append(parts, s)
}
