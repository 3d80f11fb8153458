//go:build screenshots

// Command screenshots takes a picture of every step of the setup wizard,
// then of the management panel it opens (users, groups, a bulk change),
// running the real program window against the embedded demo tenant, and
// writes them as PNG files for the documentation. It needs an X display;
// run it under Xvfb, inside a throwaway keychain so the last page shows
// where a secret really goes:
//
//	go build -tags screenshots -o /tmp/screenshots ./scripts/screenshots
//	scripts/with-keyring.sh xvfb-run -a -s "-screen 0 1280x900x24" /tmp/screenshots -out docs
//
// The pictures are taken from the X server (ImageMagick's import, the
// window found with xdotool), exactly as a person would see the window.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui"
)

// appID matches FyneApp.toml.
const appID = "io.github.entra_wizard.entra_wizard"

func main() {
	out := flag.String("out", "docs", "folder for the PNG files")
	flag.Parse()
	if err := run(*out); err != nil {
		log.Fatal(err)
	}
}

func run(out string) error {
	for _, tool := range []string{"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is needed (apt-get install xdotool imagemagick): %w", tool, err)
		}
	}
	if os.Getenv("DISPLAY") == "" {
		return errors.New("no X display: run under xvfb-run")
	}
	tenant, err := demotenant.Start(demotenant.Options{})
	if err != nil {
		return err
	}
	defer func() { _ = tenant.Close() }()
	info := tenant.Info()

	// A throwaway store: the screenshots save a demo connection, which
	// must not stay in the user's keychain or settings.
	dir, err := os.MkdirTemp("", "entra-wizard-screenshots")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	store, err := keystore.Open(dir, keyring())
	if err != nil {
		return err
	}
	defer removeConnections(store)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}

	a := app.NewWithID(appID)
	u := ui.New(a, ui.Deps{Store: store, Demo: &connection.DemoTenant{Authority: info.Authority, Graph: info.Graph,
		TenantDomain: info.TenantDomain, ClientID: info.ClientID, ClientSecret: info.ClientSecret,
		PublicClientID: info.PublicClientID}, OpenURL: func(string) error { return nil }})
	done := make(chan error, 1)
	save := func(name string) error {
		path := filepath.Join(out, name+".png")
		fmt.Println(path)
		return shoot(path)
	}
	go func() {
		err := u.CaptureWizard(save)
		if err == nil {
			err = u.CapturePanel(save)
		}
		done <- err
		fyne.Do(a.Quit)
	}()
	u.ShowAndRun()
	return <-done
}

// keyring is the system keychain, under a service name of its own, when
// one answers, so the pictures show where secrets really go; otherwise an
// in-memory keyring.
func keyring() keystore.Keyring {
	kr := keystore.SystemKeyring("entra-wizard-screenshots", 3*time.Second)
	if err := kr.Set("probe", "probe"); err != nil {
		fmt.Println("no system keychain; the demo secret is kept in memory:", err)
		return keystore.MemoryKeyring()
	}
	_ = kr.Delete("probe")
	return kr
}

// removeConnections deletes what the wizard saved, keychain entries
// included.
func removeConnections(store *keystore.Store) {
	profiles, err := store.List()
	if err != nil {
		return
	}
	for _, p := range profiles {
		if err := store.Delete(p.Name); err != nil {
			fmt.Fprintln(os.Stderr, "could not remove the demo connection:", err)
		}
	}
}

// shoot saves the program's window, as the X server shows it, to path.
func shoot(path string) error {
	ids, err := exec.Command("xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(os.Getpid())).Output()
	if err != nil {
		return fmt.Errorf("finding the window: %w", err)
	}
	fields := strings.Fields(string(ids))
	if len(fields) == 0 {
		return errors.New("finding the window: none is visible")
	}
	if msg, err := exec.Command("import", "-window", fields[len(fields)-1], path).CombinedOutput(); err != nil {
		return fmt.Errorf("capturing the window: %w: %s", err, msg)
	}
	return nil
}
