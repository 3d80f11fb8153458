// Command entra-wizard is Entra Setup Wizard: a desktop app that connects an
// app to Microsoft Entra ID, tests the connection, saves it in the system
// keychain, and then manages the tenant's users and groups. A few commands
// (connect, status, export, demo-tenant) make the same engine scriptable.
//
// This file only wires the real dependencies together; the command line is in
// package cli and the window in package ui.
package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/entra-wizard/entra-wizard/assets"
	"github.com/entra-wizard/entra-wizard/cli"
	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/console"
	"github.com/entra-wizard/entra-wizard/demotenant"
	// Before Fyne's init reads the locale: see the package comment.
	_ "github.com/entra-wizard/entra-wizard/internal/langenv"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/ui"
)

// appID is the app's identity for Fyne (preferences, desktop files); it
// matches ID in FyneApp.toml.
const appID = "io.github.entra_wizard.entra_wizard"

// requestTimeout bounds every HTTP request the app makes.
const requestTimeout = 60 * time.Second

// demoOtherAdminEvery is how often the demo tenant's background
// administrator changes something when the app runs with --demo.
const demoOtherAdminEvery = 20 * time.Second

func main() {
	if len(os.Args) > 1 {
		// A command typed in a terminal prints there, also from the
		// Windows build, which has no console of its own.
		console.Attach()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	code := cli.Run(ctx, os.Args[1:], env, openApp)
	stop()
	os.Exit(code)
}

// openApp opens the window and returns once it has closed, or once ctx ends
// (an interrupt or a termination signal).
func openApp(ctx context.Context, opts cli.GUIOptions) int {
	deps := ui.Deps{
		OpenURL:    oauth.OpenBrowser,
		HTTPClient: &http.Client{Timeout: requestTimeout},
	}
	deps.Store, deps.StoreErr = keystore.Open("", keystore.SystemKeyring(keystore.Service, keystore.DefaultTimeout))

	if opts.Demo {
		// A second administrator keeps working in the demo tenant, so the
		// panel's Activity tab shows changes arriving.
		tenant, err := demotenant.Start(demotenant.Options{Scenario: opts.Scenario, OtherAdminEvery: demoOtherAdminEvery})
		if err != nil {
			fmt.Fprintf(os.Stderr, "entra-wizard: could not start the demo tenant: %v\n", err)
			return 1
		}
		defer func() { _ = tenant.Close() }()
		deps.Demo = demoOf(tenant)
	}

	a := app.NewWithID(appID)
	a.SetIcon(assets.Icon)
	u := ui.New(a, deps)
	stopped := context.AfterFunc(ctx, func() {
		fyne.Do(u.Quit)
		// Fyne (2.7) can hang at exit when a window event is handed to
		// its main loop just as the loop shuts down: the event waits for
		// a loop that is gone, and the app waits for the event. Asked to
		// end, the program ends anyway once the window had its time;
		// nothing it keeps is left half-written by an exit (the keychain
		// and the settings file are written so that a kill leaves the old
		// or the new state).
		time.AfterFunc(quitGrace, func() { os.Exit(0) })
	})
	defer stopped()
	u.ShowAndRun()
	return 0
}

// quitGrace is how long the window may take to close on a termination
// signal before the program ends without it.
const quitGrace = 5 * time.Second

// demoOf is the running demo tenant as the program sees it, built once
// and passed as is to the window and its connection engine.
func demoOf(tenant *demotenant.Server) *connection.DemoTenant {
	info := tenant.Info()
	return &connection.DemoTenant{Authority: info.Authority, Graph: info.Graph, TenantDomain: info.TenantDomain,
		ClientID: info.ClientID, ClientSecret: info.ClientSecret, PublicClientID: info.PublicClientID,
		UploadCertificate: func(der []byte) error {
			_, err := tenant.UploadCertificate(info.ClientID, der)
			return err
		}}
}
