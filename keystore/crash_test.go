package keystore

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// tokenFor is the refresh token of rotation i: several chunks long, with a
// length that changes from one rotation to the next, and checkable: a value
// read back either is tokenFor(i) for some i or is torn.
func tokenFor(i int) string {
	head := fmt.Sprintf("rt-%06d-", i)
	return head + strings.Repeat(head[3:9], (4500+(i%4)*700)/6)
}

func isWholeToken(v string) bool {
	i, err := strconv.Atoi(strings.TrimPrefix(v[:min(9, len(v))], "rt-"))
	return err == nil && strings.HasPrefix(v, "rt-") && v == tokenFor(i)
}

// keepSaving is the child: it rotates the refresh token and saves new
// connections until it is killed.
func keepSaving(t *testing.T) {
	store, err := Open(os.Getenv("KEYSTORE_TEST_DIR"), SystemKeyring(os.Getenv("KEYSTORE_TEST_SERVICE"), testTimeout))
	if err != nil {
		t.Fatal(err)
	}
	start, _ := strconv.Atoi(os.Getenv("KEYSTORE_TEST_START"))
	fmt.Println("saving")
	for i := start; ; i++ {
		if err := store.SetRefreshToken("rotating", tokenFor(i)); err != nil {
			t.Fatal(err)
		}
		p := testProfile(fmt.Sprintf("new-%d", i))
		p.Method = MethodBrowser
		if _, err := store.Save(p, Secrets{RefreshToken: tokenFor(i)}); err != nil {
			t.Fatal(err)
		}
	}
}

// crashRuns is how many times the saving child is killed; KEYSTORE_CRASH_RUNS
// asks for more.
func crashRuns() int {
	if n, err := strconv.Atoi(os.Getenv("KEYSTORE_CRASH_RUNS")); err == nil && n > 0 {
		return n
	}
	return 40
}

func TestKilledSavesLeaveNoTornOrOrphanedValues(t *testing.T) {
	if os.Getenv(childEnv) == "saver" {
		keepSaving(t)
		return
	}
	kr, service := systemKeyringForTest(t)
	dir := t.TempDir()
	store, err := Open(dir, kr)
	if err != nil {
		t.Fatal(err)
	}
	p := testProfile("rotating")
	p.Method = MethodBrowser
	if _, err := store.Save(p, Secrets{RefreshToken: tokenFor(0)}); err != nil {
		t.Fatal(err)
	}
	self, _ := os.Executable()
	runs, torn, orphaned, midWrite := crashRuns(), 0, 0, 0
	for run := 1; run <= runs; run++ {
		cmd := exec.Command(self, "-test.run=^"+t.Name()+"$")
		cmd.Env = append(os.Environ(), childEnv+"=saver", "KEYSTORE_TEST_DIR="+dir,
			"KEYSTORE_TEST_SERVICE="+service, "KEYSTORE_TEST_START="+strconv.Itoa(run*1000))
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if line, _ := bufio.NewReader(out).ReadString('\n'); line != "saving\n" {
			t.Fatalf("run %d: the child did not start saving: %q", run, line)
		}
		time.Sleep(time.Duration(rand.IntN(60)) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()

		profiles, err := store.List()
		if err != nil {
			t.Fatalf("run %d: the settings after a kill: %v", run, err)
		}
		for _, p := range profiles {
			sec, err := store.Secrets(p.Name)
			if err != nil || !isWholeToken(sec.RefreshToken) {
				torn++
				t.Errorf("run %d: %q reads %d bytes (err %v): torn", run, p.Name, len(sec.RefreshToken), err)
			}
		}
		if leftovers(t, service, dir) {
			midWrite++
		}
		if err := store.Tidy(); err != nil {
			t.Fatalf("run %d: Tidy: %v", run, err)
		}
		if extra := orphans(t, store, service, dir); len(extra) > 0 {
			orphaned++
			t.Errorf("run %d: left behind after tidying: %q", run, extra)
		}
	}
	t.Logf("%d kill -9 runs (%d killed mid-write, with a journal, marker or temp file left): %d torn, %d with orphans", runs, midWrite, torn, orphaned)
}

// leftovers reports whether a killed write left its traces: a journal
// entry, a pending marker or a temporary settings file.
func leftovers(t *testing.T, service, dir string) bool {
	for _, acc := range accountsIn(t, service) {
		if strings.HasSuffix(acc, "/journal") {
			return true
		}
	}
	names, _ := filepath.Glob(filepath.Join(dir, ".*"))
	return len(names) > 0
}

// orphans lists keychain entries no saved connection owns (or a second
// generation of one), and files other than the settings file and its lock.
func orphans(t *testing.T, store *Store, service, dir string) []string {
	profiles, err := store.List()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range profiles {
		want = append(want, p.Name+"/refresh-token")
		sec, _ := store.Secrets(p.Name)
		for i := range len(splitChunks(bindValue(DestinationOf(p), sec.RefreshToken))) {
			want = append(want, p.Name+"/refresh-token/*/part-"+strconv.Itoa(i+1))
		}
	}
	slices.Sort(want)
	var extra []string
	got := accountsIn(t, service)
	for _, acc := range got {
		if i, ok := slices.BinarySearch(want, acc); ok {
			want = slices.Delete(want, i, i+1)
			continue
		}
		extra = append(extra, acc)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != SettingsFileName && e.Name() != SettingsFileName+".lock" {
			extra = append(extra, e.Name())
		}
	}
	return extra
}

func TestReadersDuringRotationNeverSeeTornValues(t *testing.T) {
	_, service := systemKeyringForTest(t)
	dir := t.TempDir()
	// Two copies of the program: each its own Store and keychain connection.
	writer, err := Open(dir, SystemKeyring(service, testTimeout))
	if err != nil {
		t.Fatal(err)
	}
	reader, err := Open(dir, SystemKeyring(service, testTimeout))
	if err != nil {
		t.Fatal(err)
	}
	p := testProfile("rotating")
	p.Method = MethodBrowser
	if _, err := writer.Save(p, Secrets{RefreshToken: tokenFor(0)}); err != nil {
		t.Fatal(err)
	}
	const rotations = 30
	var wg sync.WaitGroup
	stop := make(chan struct{})
	var mu sync.Mutex
	reads, bad := 0, 0
	for range 2 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				sec, err := reader.Secrets("rotating")
				mu.Lock()
				reads++
				if err != nil || !isWholeToken(sec.RefreshToken) {
					bad++
				}
				mu.Unlock()
			}
		})
	}
	for i := 1; i <= rotations; i++ {
		if err := writer.SetRefreshToken("rotating", tokenFor(i)); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	t.Logf("%d reads during %d rotations, %d torn or missing", reads, rotations, bad)
	if bad > 0 {
		t.Fatalf("%d of %d reads during rotation saw a torn or missing refresh token", bad, reads)
	}
}
