package flow

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// outcome is a connection test result as the wizard sees it.
type outcome bool

func (o outcome) OK() bool { return bool(o) }

const (
	goodClientID = "3f2a9c1e-8b4d-4e6f-a1b2-c3d4e5f60718"
	goodTenant   = "contoso.onmicrosoft.com"
	goodSecret   = "Xy7Q~abcDEF.ghiJKL_mnoPQR-stuVWX0123456"
	secretID     = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
)

// at returns a wizard on step s with the given values.
func at(s Step, st State) *Wizard {
	w := New(nil)
	w.State = st
	w.step = s
	if s != StepWelcome {
		w.path = PathManual // the guided steps are reached only on their path
	}
	return w
}

func valid(m string) State {
	st := State{Method: m, Cloud: oauth.CloudGlobal, ClientID: goodClientID, Tenant: goodTenant, Name: "Contoso"}
	if m == keystore.MethodClientSecret {
		st.Secret = goodSecret
	}
	return st
}

func with(st State, change func(*State)) State {
	change(&st)
	return st
}

func TestNext(t *testing.T) {
	tests := []struct {
		name       string
		from       Step
		state      State
		demo       bool
		prepare    func(*Wizard) // results recorded before Next
		wantStep   Step
		wantFields []Field
	}{
		{name: "welcome, no way chosen", from: StepWelcome, wantStep: StepWelcome, wantFields: []Field{FieldPath}},
		{name: "welcome, guided steps", from: StepWelcome, prepare: func(w *Wizard) { w.ChoosePath(PathManual) }, wantStep: StepMethod},

		{name: "method not chosen", from: StepMethod, wantStep: StepMethod, wantFields: []Field{FieldMethod}},
		{name: "method secret", from: StepMethod, state: State{Method: keystore.MethodClientSecret}, wantStep: StepCloud},
		{name: "method browser", from: StepMethod, state: State{Method: keystore.MethodBrowser}, wantStep: StepCloud},
		{name: "method unknown", from: StepMethod, state: State{Method: "password"}, wantStep: StepMethod, wantFields: []Field{FieldMethod}},

		{name: "cloud global, secret", from: StepCloud, state: valid(keystore.MethodClientSecret), wantStep: StepRegister},
		{name: "cloud global, browser", from: StepCloud, state: valid(keystore.MethodBrowser), wantStep: StepRegister},
		{name: "cloud usgov", from: StepCloud, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.Cloud = "usgov" }), wantStep: StepRegister},
		{name: "cloud unknown", from: StepCloud, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.Cloud = "mars" }), wantStep: StepCloud, wantFields: []Field{FieldCloud}},
		{name: "cloud custom, no addresses", from: StepCloud, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.Cloud = keystore.CloudCustom }),
			wantStep: StepCloud, wantFields: []Field{FieldAuthority, FieldGraph}},
		{name: "cloud custom, loopback http", from: StepCloud, state: with(valid(keystore.MethodBrowser), func(s *State) {
			s.Cloud, s.Authority, s.Graph = keystore.CloudCustom, "http://127.0.0.1:8400", "http://127.0.0.1:8400"
		}), wantStep: StepRegister},
		{name: "cloud custom, plain http elsewhere", from: StepCloud, state: with(valid(keystore.MethodClientSecret), func(s *State) {
			s.Cloud, s.Authority, s.Graph = keystore.CloudCustom, "http://login.example.com", "https://graph.example.com"
		}), wantStep: StepCloud, wantFields: []Field{FieldAuthority}},
		{name: "cloud demo without demo tenant", from: StepCloud, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.Cloud = keystore.CloudDemo }),
			wantStep: StepCloud, wantFields: []Field{FieldCloud}},
		{name: "cloud demo with demo tenant", from: StepCloud, demo: true, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.Cloud = keystore.CloudDemo }),
			wantStep: StepRegister},

		{name: "register, secret", from: StepRegister, state: State{Method: keystore.MethodClientSecret}, wantStep: StepCredentials},
		{name: "register, browser", from: StepRegister, state: State{Method: keystore.MethodBrowser}, wantStep: StepCredentials},

		{name: "credentials valid, secret", from: StepCredentials, state: valid(keystore.MethodClientSecret), wantStep: StepConsent},
		{name: "credentials valid, browser without secret", from: StepCredentials, state: valid(keystore.MethodBrowser), wantStep: StepConsent},
		{name: "credentials tenant GUID", from: StepCredentials, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.Tenant = "5d3c8a4e-2f1b-4c7a-9e6d-0b8f1a2c3d4e" }), wantStep: StepConsent},
		{name: "credentials with spaces around", from: StepCredentials, state: with(valid(keystore.MethodClientSecret), func(s *State) {
			s.ClientID, s.Tenant = "  "+goodClientID+"\n", " "+goodTenant+" "
		}), wantStep: StepConsent},
		{name: "credentials secret looks like its ID", from: StepCredentials, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.Secret = secretID }), wantStep: StepConsent},
		{name: "credentials empty, secret", from: StepCredentials, state: State{Method: keystore.MethodClientSecret},
			wantStep: StepCredentials, wantFields: []Field{FieldClientID, FieldTenant, FieldSecret}},
		{name: "credentials empty, browser", from: StepCredentials, state: State{Method: keystore.MethodBrowser},
			wantStep: StepCredentials, wantFields: []Field{FieldClientID, FieldTenant}},
		{name: "credentials bad client ID", from: StepCredentials, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.ClientID = "my-app" }),
			wantStep: StepCredentials, wantFields: []Field{FieldClientID}},
		{name: "credentials organizations, browser", from: StepCredentials, state: with(valid(keystore.MethodBrowser), func(s *State) { s.Tenant = "organizations" }), wantStep: StepConsent},
		{name: "credentials organizations, secret", from: StepCredentials, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.Tenant = "organizations" }),
			wantStep: StepCredentials, wantFields: []Field{FieldTenant}},
		{name: "credentials bad tenant", from: StepCredentials, state: with(valid(keystore.MethodBrowser), func(s *State) { s.Tenant = "contoso corp" }),
			wantStep: StepCredentials, wantFields: []Field{FieldTenant}},
		{name: "credentials blank secret", from: StepCredentials, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.Secret = "   " }),
			wantStep: StepCredentials, wantFields: []Field{FieldSecret}},

		{name: "consent, secret", from: StepConsent, state: valid(keystore.MethodClientSecret), wantStep: StepTest},
		{name: "consent, browser", from: StepConsent, state: valid(keystore.MethodBrowser), wantStep: StepTest},

		{name: "test not run", from: StepTest, state: valid(keystore.MethodClientSecret), wantStep: StepTest, wantFields: []Field{FieldTest}},
		{name: "test failed", from: StepTest, state: valid(keystore.MethodClientSecret),
			prepare: func(w *Wizard) { w.RecordTest(outcome(false), "") }, wantStep: StepTest, wantFields: []Field{FieldTest}},
		{name: "test passed, secret", from: StepTest, state: valid(keystore.MethodClientSecret),
			prepare: func(w *Wizard) { w.RecordTest(outcome(true), "") }, wantStep: StepSave},
		{name: "test passed, browser", from: StepTest, state: valid(keystore.MethodBrowser),
			prepare: func(w *Wizard) { w.RecordTest(outcome(true), "refresh-token") }, wantStep: StepSave},
		{name: "test passed, then secret changed", from: StepTest, state: valid(keystore.MethodClientSecret),
			prepare: func(w *Wizard) { w.RecordTest(outcome(true), ""); w.State.Secret = "other" }, wantStep: StepTest, wantFields: []Field{FieldTest}},
		{name: "test passed, then tenant changed", from: StepTest, state: valid(keystore.MethodBrowser),
			prepare: func(w *Wizard) { w.RecordTest(outcome(true), "rt"); w.State.Tenant = "fabrikam.com" }, wantStep: StepTest, wantFields: []Field{FieldTest}},
		{name: "test passed, then name changed", from: StepTest, state: valid(keystore.MethodClientSecret),
			prepare: func(w *Wizard) { w.RecordTest(outcome(true), ""); w.State.Name = "Other" }, wantStep: StepSave},

		{name: "save without name", from: StepSave, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.Name = "" }),
			prepare: func(w *Wizard) { w.RecordTest(outcome(true), "") }, wantStep: StepSave, wantFields: []Field{FieldName, FieldSave}},
		{name: "save name too long", from: StepSave, state: with(valid(keystore.MethodClientSecret), func(s *State) { s.Name = strings.Repeat("n", 65) }),
			prepare: func(w *Wizard) { w.RecordTest(outcome(true), "") }, wantStep: StepSave, wantFields: []Field{FieldName, FieldSave}},
		{name: "save not yet saved", from: StepSave, state: valid(keystore.MethodClientSecret),
			prepare: func(w *Wizard) { w.RecordTest(outcome(true), "") }, wantStep: StepSave, wantFields: []Field{FieldSave}},
		{name: "save done, secret", from: StepSave, state: valid(keystore.MethodClientSecret),
			prepare: func(w *Wizard) { w.RecordTest(outcome(true), ""); w.RecordSaved(keystore.Saved{}) }, wantStep: StepDone},
		{name: "save done, browser", from: StepSave, state: valid(keystore.MethodBrowser),
			prepare: func(w *Wizard) { w.RecordTest(outcome(true), "rt"); w.RecordSaved(keystore.Saved{}) }, wantStep: StepDone},
		{name: "saved, then renamed", from: StepSave, state: valid(keystore.MethodClientSecret),
			prepare: func(w *Wizard) {
				w.RecordTest(outcome(true), "")
				w.RecordSaved(keystore.Saved{})
				w.State.Name = "Renamed"
			},
			wantStep: StepSave, wantFields: []Field{FieldSave}},

		{name: "done is the end", from: StepDone, state: valid(keystore.MethodClientSecret), wantStep: StepDone, wantFields: []Field{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := at(tt.from, tt.state)
			if tt.demo {
				w.demo = &connection.DemoTenant{Authority: "http://127.0.0.1:8400", Graph: "http://127.0.0.1:8400", TenantDomain: goodTenant}
			}
			if tt.prepare != nil {
				tt.prepare(w)
			}
			before := w.State
			canNext := w.CanNext()
			err := w.Next()
			if w.Step() != tt.wantStep {
				t.Fatalf("Next from %v: step = %v, want %v (err %v)", tt.from, w.Step(), tt.wantStep, err)
			}
			if w.State != before {
				t.Errorf("Next changed the values: %+v, want %+v", w.State, before)
			}
			if canNext != (err == nil) {
				t.Errorf("CanNext = %v but Next returned %v", canNext, err)
			}
			if len(tt.wantFields) == 0 {
				if err != nil {
					t.Fatalf("Next: %v", err)
				}
				return
			}
			var se *StepError
			if !errors.As(err, &se) || !errors.Is(err, ErrNotReady) {
				t.Fatalf("Next error = %v, want a *StepError wrapping ErrNotReady", err)
			}
			var fields []Field
			for _, p := range se.Problems {
				fields = append(fields, p.Field)
				if p.Message == "" {
					t.Errorf("problem with %q has no message", p.Field)
				}
			}
			if !slices.Equal(fields, tt.wantFields) {
				t.Errorf("problems in %v, want %v (%v)", fields, tt.wantFields, err)
			}
		})
	}
}

func TestBackKeepsEveryValue(t *testing.T) {
	for _, m := range []string{keystore.MethodClientSecret, keystore.MethodBrowser} {
		for _, s := range Steps {
			t.Run(string(m)+"/"+s.String(), func(t *testing.T) {
				st := valid(m)
				st.Authority, st.Graph = "typed authority", "typed graph"
				w := at(s, st)
				w.RecordTest(outcome(true), "rt")
				moved := w.Back()
				wantMove := s != StepWelcome && s != StepDone
				if moved != wantMove || w.CanBack() && s == StepWelcome {
					t.Fatalf("Back from %v moved = %v, want %v", s, moved, wantMove)
				}
				want := s
				if wantMove {
					want = s - 1
				}
				if w.Step() != want {
					t.Errorf("step = %v, want %v", w.Step(), want)
				}
				if w.State != st {
					t.Errorf("Back changed the values: %+v, want %+v", w.State, st)
				}
				if _, ok := w.Tested(); !ok {
					t.Error("Back dropped the test result")
				}
			})
		}
	}
}

func TestWalkToDone(t *testing.T) {
	now := time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC)
	for _, m := range []string{keystore.MethodClientSecret, keystore.MethodBrowser} {
		t.Run(string(m), func(t *testing.T) {
			w := New(nil)
			fill := map[Step]func(){
				StepWelcome:     func() { w.ChoosePath(PathManual) },
				StepMethod:      func() { w.SetMethod(m) },
				StepCredentials: func() { w.State.ClientID, w.State.Tenant, w.State.Secret = goodClientID, goodTenant, goodSecret },
				StepTest:        func() { w.RecordTest(outcome(true), "refresh-"+string(m)) },
				StepSave: func() {
					w.State.Name = " Contoso "
					p, s, err := w.Connection(now)
					if err != nil {
						t.Fatalf("Connection: %v", err)
					}
					checkConnection(t, m, p, s, now)
					w.RecordSaved(keystore.Saved{SettingsFile: "/cfg/connections.json", Keychain: "test"})
				},
			}
			for w.Step() != StepDone {
				if f := fill[w.Step()]; f != nil {
					f()
				}
				if err := w.Next(); err != nil {
					t.Fatalf("Next from %v: %v", w.Step(), err)
				}
			}
			if saved, ok := w.Saved(); !ok || saved.SettingsFile != "/cfg/connections.json" {
				t.Errorf("Saved() = %+v, %v", saved, ok)
			}
		})
	}
}

func checkConnection(t *testing.T, m string, p keystore.Profile, s keystore.Secrets, now time.Time) {
	t.Helper()
	want := keystore.Profile{Name: "Contoso", Cloud: oauth.CloudGlobal, Tenant: goodTenant, ClientID: goodClientID, Method: m, Created: now}
	if p.Name != want.Name || p.Cloud != want.Cloud || p.Tenant != want.Tenant || p.ClientID != want.ClientID ||
		p.Method != want.Method || !p.Created.Equal(now) || p.Authority != "" || p.Graph != "" {
		t.Errorf("profile = %+v, want %+v", p, want)
	}
	switch m {
	case keystore.MethodClientSecret:
		if s.ClientSecret != goodSecret || s.RefreshToken != "" {
			t.Error("secret connection: want the client secret and no refresh token")
		}
	case keystore.MethodBrowser:
		if s.ClientSecret != "" || s.RefreshToken != "refresh-browser" {
			t.Error("browser connection: want the sign-in's refresh token and no client secret")
		}
	}
}
