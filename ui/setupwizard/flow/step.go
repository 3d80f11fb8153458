package flow

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
)

// Steps lists every step in order.
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

// Number is the step's position counting from 1, for "Step 3 of 9".
func (s Step) Number() int { return int(s) + 1 }

// Method is how the program signs in to Entra ID. The values match
// keystore.Profile.Method.
type Method string

// The ways to connect.
const (
	// MethodSecret is app-only access with an app registration's client
	// secret (the client credentials flow).
	MethodSecret Method = "client_secret"
	// MethodBrowser is delegated access: the admin signs in with a browser
	// and the program acts as them.
	MethodBrowser Method = "browser"
	// MethodCertificate is app-only access with a certificate the app
	// registration holds: sign-ins are signed with its private key, which
	// never leaves this computer's keychain. Microsoft recommends it over
	// a secret.
	MethodCertificate Method = "certificate"
)

// AppOnly reports whether the method signs in as the app itself (with a
// secret or a certificate) rather than as the admin.
func (m Method) AppOnly() bool { return m == MethodSecret || m == MethodCertificate }

// Field names one value the admin types or chooses. Validation messages are
// keyed by it.
type Field string

// The wizard's fields. FieldTest and FieldSave stand for steps whose
// "value" is an action's result.
const (
	FieldMethod    Field = "method"
	FieldCloud     Field = "cloud"
	FieldAuthority Field = "authority"
	FieldGraph     Field = "graph"
	FieldClientID  Field = "clientId"
	FieldTenant    Field = "tenant"
	FieldSecret    Field = "secret"
	// FieldCertificate is the certificate of MethodCertificate, made or
	// imported.
	FieldCertificate Field = "certificate"
	FieldTest        Field = "test"
	FieldName        Field = "name"
	FieldSave        Field = "save"
)
