package keystore

import "sync"

// MemoryKeyring returns a Keyring that keeps secrets in memory only. It exists
// for tests of other packages that are not about the keychain (the wizard
// and panel tests), so they run without D-Bus. The program never uses it,
// and this package's own tests use the real system keychain.
func MemoryKeyring() Keyring {
	return &memoryKeyring{entries: map[string]string{}}
}

type memoryKeyring struct {
	mu      sync.Mutex
	entries map[string]string
}

func (m *memoryKeyring) Set(account, secret string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entries[account] = secret
	return nil
}

func (m *memoryKeyring) Get(account string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.entries[account]
	if !ok {
		return "", ErrNotFound
	}
	return v, nil
}

func (m *memoryKeyring) Delete(account string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.entries[account]; !ok {
		return ErrNotFound
	}
	delete(m.entries, account)
	return nil
}

// String names the keyring for messages such as "saved in ...".
func (m *memoryKeyring) String() string { return "in-memory test keyring" }
