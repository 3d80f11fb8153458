package flow

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

var demoTenant = connection.DemoTenant{
	Authority:      "http://127.0.0.1:8400",
	Graph:          "http://127.0.0.1:8400",
	TenantDomain:   "northwind-demo.onmicrosoft.com",
	ClientID:       "11111111-2222-4333-8444-555555555555",
	ClientSecret:   "demo~secret.value",
	PublicClientID: "66666666-7777-4888-9999-aaaaaaaaaaaa",
}

func TestDemoFillsInItsApps(t *testing.T) {
	w := New(&demoTenant)
	if w.State.Cloud != keystore.CloudDemo || w.State.Tenant != demoTenant.TenantDomain {
		t.Fatalf("demo wizard starts with %+v", w.State)
	}
	w.SetMethod(keystore.MethodClientSecret)
	if w.State.ClientID != demoTenant.ClientID || w.State.Secret != demoTenant.ClientSecret {
		t.Errorf("secret method: client ID %q, secret filled %v", w.State.ClientID, w.State.Secret == demoTenant.ClientSecret)
	}
	w.SetMethod(keystore.MethodBrowser)
	if w.State.ClientID != demoTenant.PublicClientID {
		t.Errorf("browser method: client ID %q, want the public app %q", w.State.ClientID, demoTenant.PublicClientID)
	}
	w.State.ClientID = goodClientID
	w.SetMethod(keystore.MethodClientSecret)
	if w.State.ClientID != goodClientID {
		t.Errorf("SetMethod replaced a typed client ID with %q", w.State.ClientID)
	}

	ep, err := w.Endpoints()
	if err != nil || ep.Authority != demoTenant.Authority || ep.Graph != demoTenant.Graph {
		t.Errorf("Endpoints() = %+v, %v; want the demo tenant's", ep, err)
	}
}

func TestWithoutDemoNothingIsFilledIn(t *testing.T) {
	w := New(nil)
	w.SetMethod(keystore.MethodClientSecret)
	if w.State != (State{Method: keystore.MethodClientSecret, Cloud: oauth.CloudGlobal}) {
		t.Errorf("state = %+v", w.State)
	}
	if w.Demo() != nil {
		t.Error("Demo() is set without a demo tenant")
	}
}

func TestSecretWarning(t *testing.T) {
	tests := []struct {
		method string
		secret string
		warn   bool
	}{
		{keystore.MethodClientSecret, secretID, true},
		{keystore.MethodClientSecret, "  " + secretID + " ", true},
		{keystore.MethodClientSecret, goodSecret, false},
		{keystore.MethodClientSecret, "", false},
		{keystore.MethodBrowser, secretID, false},
	}
	for _, tt := range tests {
		w := New(nil)
		w.State = State{Method: tt.method, Secret: tt.secret}
		if got := w.SecretWarning() != ""; got != tt.warn {
			t.Errorf("%s with secret %q: warning %v, want %v", tt.method, tt.secret, got, tt.warn)
		}
	}
}

func TestConnectionEndpointsByCloud(t *testing.T) {
	now := time.Now()
	tests := []struct {
		name                 string
		cloud                string
		wantAuthority, wantG string
	}{
		{"global drops typed addresses", oauth.CloudGlobal, "", ""},
		{"custom keeps them", keystore.CloudCustom, "https://login.example.com", "https://graph.example.com"},
		{"demo uses the running tenant", keystore.CloudDemo, demoTenant.Authority, demoTenant.Graph},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := New(&demoTenant)
			w.State = valid(keystore.MethodClientSecret)
			w.State.Cloud = tt.cloud
			w.State.Authority, w.State.Graph = "https://login.example.com", "https://graph.example.com"
			w.State.TrustedHosts = w.State.CustomHosts() // the admin trusted them
			w.RecordTest(outcome(true), "")
			p, _, err := w.Connection(now)
			if err != nil {
				t.Fatalf("Connection: %v", err)
			}
			if p.Cloud != tt.cloud || p.Authority != tt.wantAuthority || p.Graph != tt.wantG {
				t.Errorf("profile cloud %q authority %q graph %q, want %q %q %q",
					p.Cloud, p.Authority, p.Graph, tt.cloud, tt.wantAuthority, tt.wantG)
			}
		})
	}
}

func TestConnectionNeedsAPassedTest(t *testing.T) {
	for _, o := range []Outcome{nil, outcome(false)} {
		w := New(nil)
		w.State = valid(keystore.MethodClientSecret)
		if o != nil {
			w.RecordTest(o, "")
		}
		_, _, err := w.Connection(time.Now())
		var se *StepError
		if !errors.As(err, &se) || se.Step != StepTest {
			t.Errorf("outcome %v: Connection error = %v, want a problem on the test step", o, err)
		}
	}
}

func TestStepErrorReadsAsSentences(t *testing.T) {
	w := at(StepCredentials, State{Method: keystore.MethodClientSecret})
	err := w.Next()
	if err == nil {
		t.Fatal("Next accepted empty credentials")
	}
	msg := err.Error()
	if msg[:len(StepCredentials.Title())] != StepCredentials.Title() {
		t.Errorf("error %q does not start with the step's title", msg)
	}
	for _, p := range w.Problems() {
		if p.Message[len(p.Message)-1] != '.' {
			t.Errorf("message %q is not a sentence", p.Message)
		}
	}
}

func TestStepTitles(t *testing.T) {
	seen := map[string]bool{}
	for i, s := range Steps {
		if s.Number() != i+1 {
			t.Errorf("%v is number %d, want %d", s, s.Number(), i+1)
		}
		if seen[s.Title()] || s.Title() == "Unknown step" {
			t.Errorf("step %d has title %q", i, s.Title())
		}
		seen[s.Title()] = true
	}
	if Step(99).Title() != "Unknown step" {
		t.Error("an unknown step has a title")
	}
}

// TestGraphReportDecidesSave runs the rule with the connection test's real
// result type.
func TestGraphReportDecidesSave(t *testing.T) {
	works := graph.Report{Features: []graph.FeatureStatus{{Feature: graph.ReadUsers, OK: true}}}
	tests := []struct {
		name   string
		report graph.Report
		save   bool
	}{
		{"sign-in failed", graph.Report{Err: errors.New("AADSTS7000215: invalid client secret")}, false},
		{"nothing allowed", graph.Report{Features: []graph.FeatureStatus{{Feature: graph.ReadUsers}}}, false},
		{"reading works", works, true},
	}
	for _, tt := range tests {
		w := at(StepTest, valid(keystore.MethodClientSecret))
		w.RecordTest(tt.report, "")
		if err := w.Next(); (err == nil) != tt.save || (w.Step() == StepSave) != tt.save {
			t.Errorf("%s: Next = %v, step %v; want Save reachable %v", tt.name, err, w.Step(), tt.save)
		}
	}
}

func TestNeedsFollowsTheChoices(t *testing.T) {
	tests := []struct {
		step  Step
		state State
		want  []Field
	}{
		{StepWelcome, State{}, []Field{FieldPath}},
		{StepMethod, State{}, []Field{FieldMethod}},
		{StepCloud, State{Cloud: oauth.CloudGlobal}, []Field{FieldCloud}},
		{StepCloud, State{Cloud: keystore.CloudCustom}, []Field{FieldCloud, FieldAuthority, FieldGraph}},
		{StepRegister, State{}, nil},
		{StepCredentials, State{Method: keystore.MethodClientSecret}, []Field{FieldClientID, FieldTenant, FieldSecret}},
		{StepCredentials, State{Method: keystore.MethodBrowser}, []Field{FieldClientID, FieldTenant}},
		{StepConsent, State{}, nil},
		{StepTest, State{}, []Field{FieldTest}},
		{StepSave, State{}, []Field{FieldName, FieldSave}},
		{StepDone, State{}, nil},
	}
	for _, tt := range tests {
		if got := at(tt.step, tt.state).Needs(); !slices.Equal(got, tt.want) {
			t.Errorf("%v with %+v needs %v, want %v", tt.step, tt.state, got, tt.want)
		}
	}
}
