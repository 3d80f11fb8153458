package provision

import (
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// Step is one step of setting up, in the order they run.
type Step int

// The steps.
const (
	StepSignIn Step = iota
	StepLookUp
	StepRegister
	StepPrincipal
	StepSecret
	StepConsent
	StepWait
	StepTest
	StepSave
	stepDone
)

// String says what the step does, in an admin's words.
func (s Step) String() string {
	switch s {
	case StepSignIn:
		return "sign in as an administrator"
	case StepLookUp:
		return "look for an existing registration"
	case StepRegister:
		return "register the app"
	case StepPrincipal:
		return "add the app to the tenant (enterprise application)"
	case StepSecret:
		return "create the app's certificate or client secret"
	case StepConsent:
		return "grant admin consent"
	case StepWait:
		return "wait for Microsoft Entra to finish creating the app"
	case StepTest:
		return "test the connection"
	case StepSave:
		return "save the connection"
	}
	return "finish"
}

// Created is what setup made in the tenant so far. None of it is secret.
type Created struct {
	// AppObjectID and AppID are the registration's object and client ids;
	// Reused says it existed before this run.
	AppObjectID, AppID string
	Reused             bool
	// PrincipalID is the service principal's object id.
	PrincipalID string
	// SecretKeyID and SecretExpires describe the client secret, if any.
	SecretKeyID   string
	SecretExpires time.Time
	// CertificateKeyID, CertificateThumbprint and CertificateExpires
	// describe the certificate, if any: its public part only.
	CertificateKeyID      string
	CertificateThumbprint string
	CertificateExpires    time.Time
	// Granted names the permissions consented.
	Granted []string
}

// Any reports whether anything was created.
func (c Created) Any() bool {
	return c.AppObjectID != "" && !c.Reused || c.SecretKeyID != "" || c.CertificateKeyID != "" || len(c.Granted) > 0
}

// Progress is what a screen or the command line shows while setup runs.
type Progress struct {
	Step Step
	// Elapsed and Attempt describe the wait for Entra (StepWait).
	Elapsed time.Duration
	Attempt int
	// Code is the AADSTS code of the last refusal while waiting.
	Code string
}

// State is a setup in progress: the choices, what exists, the step to run
// next. A failed run returns it, so the caller can continue from that step
// or remove what was created. It holds the setup sign-in's token, the new
// secret and the certificate's key in memory only.
type State struct {
	Request Request
	Created Created
	Next    Step

	// TenantID is the tenant's id, from the setup sign-in.
	TenantID string
	// Existing is a registration of the same name found by StepLookUp.
	Existing *graph.Application
	// Notes are what setup adapted, such as a lifetime shortened to the
	// tenant's app management policy, in an admin's words.
	Notes []string

	setup   *connection.Session
	graphSP graph.ServicePrincipal
	permIDs []string
	secret  string
	cert    *oauth.Certificate
	refresh string
	report  graph.Report
}

// Result is a connection set up, tested and saved.
type Result struct {
	Profile keystore.Profile
	Report  graph.Report
	Created Created
	// Notes are the State's notes.
	Notes []string
}
