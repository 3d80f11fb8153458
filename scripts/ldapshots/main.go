//go:build screenshots

// Command ldapshots takes the pictures of the secure LDAP setup and panel
// for the README, from the real program window under Xvfb, against a real
// OpenLDAP slapd shaped like an Entra Domain Services managed domain:
//
//	xvfb-run -a -s "-screen 0 1280x900x24" go run -tags screenshots ./scripts/ldapshots -out docs
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

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/entra-wizard/entra-wizard/assets"
	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
	"github.com/entra-wizard/entra-wizard/ui/ldap"
)

const appID = "io.github.entra_wizard.entra_wizard"

func main() {
	out := flag.String("out", "docs", "folder for the PNG files")
	flag.Parse()
	tb := &programTB{}
	defer tb.cleanup()
	if err := run(tb, *out); err != nil {
		tb.cleanup()
		log.Fatal(err)
	}
}

func run(tb *programTB, out string) error {
	if os.Getenv("DISPLAY") == "" {
		return errors.New("no X display: run under xvfb-run")
	}
	srv := slapdtest.Start(tb)
	store, err := keystore.Open(tb.TempDir(), keystore.MemoryKeyring())
	if err != nil {
		return err
	}
	a := app.NewWithID(appID)
	w := a.NewWindow("Entra Setup Wizard")
	w.SetIcon(assets.Icon)
	w.Resize(fyne.NewSize(900, 640))
	deps := ldap.Deps{Store: store, Engine: &connection.Engine{Store: store, LDAP: ldapconn.Config{Resolver: slapdtest.Resolver{}}},
		Clipboard: a.Clipboard(), Do: fyne.Do, OpenURL: func(string) error { return nil }}
	panels := make(chan *ldap.Panel, 1)
	setup := ldap.NewSetup(deps, nil, func(name string) {
		p := ldap.NewPanel(deps, name, nil, nil)
		w.SetContent(p.View())
		panels <- p
	})
	w.SetContent(setup.View())
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	shot := func(name string) error {
		path := filepath.Join(out, name+".png")
		fmt.Println(path)
		return shoot(path)
	}
	done := make(chan error, 1)
	go func() {
		err := setup.CaptureSetup(ldap.CaptureValues{Name: "Managed domain", Server: slapdtest.ServerName, Port: srv.Port,
			Bind: slapdtest.BindDN, Password: slapdtest.BindPassword}, shot)
		if err == nil {
			p := <-panels
			err = p.CapturePanel("Sales", shot)
			fyne.DoAndWait(p.Close)
		}
		done <- err
		fyne.Do(a.Quit)
	}()
	w.ShowAndRun()
	return <-done
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

// programTB lets slapdtest run outside a test.
type programTB struct{ dirs []string }

var cleanupFuncs []func()

func (t *programTB) Helper() {}

func (t *programTB) TempDir() string {
	d, err := os.MkdirTemp("", "ldapshots")
	if err != nil {
		log.Fatal(err)
	}
	t.dirs = append(t.dirs, d)
	return d
}

func (t *programTB) Cleanup(f func())                  { cleanupFuncs = append(cleanupFuncs, f) }
func (t *programTB) Fatal(args ...any)                 { t.cleanup(); log.Fatal(args...) }
func (t *programTB) Fatalf(format string, args ...any) { t.cleanup(); log.Fatalf(format, args...) }
func (t *programTB) Skip(args ...any)                  { t.cleanup(); log.Fatal(args...) }

func (t *programTB) cleanup() {
	for i := len(cleanupFuncs) - 1; i >= 0; i-- {
		cleanupFuncs[i]()
	}
	cleanupFuncs = nil
	for _, d := range t.dirs {
		_ = os.RemoveAll(d)
	}
	t.dirs = nil
}
