package flow

import "github.com/entra-wizard/entra-wizard/keystore"

// Step is one page of the wizard, in the order the admin meets them.
type Step int

// The wizard's steps.
const (
	StepWelcome Step = iota
	StepMethod
	StepCloud
	StepRegister
	StepCredentials
	StepConsent
	StepTest
	StepSave
	StepDone
	// StepAutoSetup is "Set it up for me", PathAutoSetup's one page.
	StepAutoSetup
	// StepLDAP is the secure LDAP page, PathLDAP's.
	StepLDAP
)

// Steps lists the guided steps (PathManual's) in order, the ones counted
// in "Step 3 of 9".
var Steps = []Step{
	StepWelcome, StepMethod, StepCloud, StepRegister, StepCredentials,
	StepConsent, StepTest, StepSave, StepDone,
}

var stepTitles = map[Step]string{
	StepWelcome:     "Welcome",
	StepMethod:      "How to connect",
	StepCloud:       "Microsoft cloud",
	StepRegister:    "Register the app",
	StepCredentials: "Enter the app's details",
	StepConsent:     "Admin consent",
	StepTest:        "Test the connection",
	StepSave:        "Save the connection",
	StepDone:        "All set",
	StepAutoSetup:   "Set it up for me",
	StepLDAP:        "Secure LDAP through Microsoft Entra Domain Services",
}

// Title is the step's heading, as the admin reads it.
func (s Step) Title() string {
	if t, ok := stepTitles[s]; ok {
		return t
	}
	return "Unknown step"
}

// String returns the title, for messages and test names.
func (s Step) String() string { return s.Title() }

// Number is the step's position among the guided steps counting from 1,
// for "Step 3 of 9"; 0 for the pages of the other ways, which are not
// counted so.
func (s Step) Number() int {
	if s > StepDone {
		return 0
	}
	return int(s) + 1
}

// appOnly reports whether a sign-in method (keystore's words) signs in as
// the app itself, with a secret or a certificate, rather than as the admin.
func appOnly(method string) bool {
	return method == keystore.MethodClientSecret || method == keystore.MethodCertificate
}

// Field names one value the admin types or chooses. Validation messages are
// keyed by it.
type Field string

// The wizard's fields. FieldTest and FieldSave stand for steps whose
// "value" is an action's result.
const (
	// FieldPath is the way chosen on the welcome step.
	FieldPath      Field = "path"
	FieldMethod    Field = "method"
	FieldCloud     Field = "cloud"
	FieldAuthority Field = "authority"
	FieldGraph     Field = "graph"
	FieldClientID  Field = "clientId"
	FieldTenant    Field = "tenant"
	FieldSecret    Field = "secret"
	// FieldCertificate is the certificate of keystore.MethodCertificate, made or
	// imported.
	FieldCertificate Field = "certificate"
	FieldTest        Field = "test"
	FieldName        Field = "name"
	FieldSave        Field = "save"
)
