package flow

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// Problem is one reason a step is not complete, in words an admin
// understands. Field is empty for problems of the step as a whole.
type Problem struct {
	Field   Field
	Message string
}

// StepError says why Next refused to leave a step.
type StepError struct {
	Step     Step
	Problems []Problem
}

func (e *StepError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Message
	}
	return e.Step.Title() + ": " + strings.Join(msgs, " ")
}

// Unwrap lets errors.Is(err, ErrNotReady) match.
func (e *StepError) Unwrap() error { return ErrNotReady }

// Needs lists the fields the current step asks for, given the values
// chosen so far.
func (w *Wizard) Needs() []Field { return w.needsAt(w.step) }

func (w *Wizard) needsAt(s Step) []Field {
	switch s {
	case StepWelcome:
		return []Field{FieldPath}
	case StepMethod:
		return []Field{FieldMethod}
	case StepCloud:
		if w.State.Cloud == keystore.CloudCustom {
			return []Field{FieldCloud, FieldAuthority, FieldGraph}
		}
		return []Field{FieldCloud}
	case StepCredentials:
		switch w.State.Method {
		case keystore.MethodClientSecret:
			return []Field{FieldClientID, FieldTenant, FieldSecret}
		case keystore.MethodCertificate:
			return []Field{FieldClientID, FieldTenant, FieldCertificate}
		}
		return []Field{FieldClientID, FieldTenant}
	case StepTest:
		return []Field{FieldTest}
	case StepSave:
		return []Field{FieldName, FieldSave}
	}
	return nil
}

// Problems lists why the current step is not complete; nil when it is.
func (w *Wizard) Problems() []Problem { return w.problemsAt(w.step) }

func (w *Wizard) problemsAt(s Step) []Problem {
	var out []Problem
	for _, f := range w.needsAt(s) {
		if msg := w.FieldError(f); msg != "" {
			out = append(out, Problem{Field: f, Message: msg})
		}
	}
	return out
}

// FieldError checks one field's current value and returns what is wrong
// with it, or "" when it is fine. Screens call it as the admin types.
func (w *Wizard) FieldError(f Field) string {
	st := w.State
	switch f {
	case FieldPath:
		if w.path == PathNone {
			return "Choose how you would like to connect, then press Start."
		}
	case FieldMethod:
		ldap := st.Method == keystore.MethodLDAP && w.ldapOffered
		if !appOnly(st.Method) && st.Method != keystore.MethodBrowser && !ldap {
			return "Choose how the program should connect."
		}
	case FieldCloud:
		return w.cloudError()
	case FieldAuthority, FieldGraph:
		return w.endpointError(f)
	case FieldClientID:
		if _, err := oauth.ParseClientID(st.ClientID); err != nil {
			return sentence(err.Error())
		}
	case FieldTenant:
		parse := oauth.ParseTenant
		if st.Method == keystore.MethodBrowser {
			// A browser sign-in may also name "organizations".
			parse = oauth.ParseSignInTenant
		}
		if _, err := parse(st.Tenant); err != nil {
			return sentence(err.Error())
		}
	case FieldSecret:
		if st.Method == keystore.MethodClientSecret && trimmed(st.Secret) == "" {
			return "Paste the client secret's Value from Certificates & secrets."
		}
	case FieldCertificate:
		if st.Method == keystore.MethodCertificate && st.Certificate == nil {
			return "Make a new certificate, or import one you have, and upload it to the app."
		}
	case FieldTest:
		return w.testError()
	case FieldName:
		return validateName(st.Name)
	case FieldSave:
		if _, ok := w.Saved(); !ok {
			return "Save the connection to go on."
		}
	}
	return ""
}

func (w *Wizard) cloudError() string {
	switch c := w.State.Cloud; c {
	case keystore.CloudCustom:
		return w.customEndpointsError()
	case keystore.CloudDemo:
		if w.demo == nil {
			return "The demo tenant is not running. Start the program with --demo to use it."
		}
		return ""
	default:
		if _, ok := oauth.CloudByName(c); !ok {
			return "Choose the Microsoft cloud your tenant lives in."
		}
	}
	return ""
}

func (w *Wizard) endpointError(f Field) string {
	addr := trimmed(w.State.Authority)
	if f == FieldGraph {
		addr = trimmed(w.State.Graph)
	}
	switch {
	case addr == "" && f == FieldAuthority:
		return "Enter the sign-in address, for example https://login.microsoftonline.com."
	case addr == "":
		return "Enter the Microsoft Graph address, for example https://graph.microsoft.com."
	}
	// Each address is checked next to a known-good partner, so the message
	// belongs to this field only.
	authority, graph := addr, "https://graph.microsoft.com"
	if f == FieldGraph {
		authority, graph = "https://login.microsoftonline.com", addr
	}
	if _, err := connection.Resolve(keystore.CloudCustom, authority, graph, nil); err != nil {
		return sentence(err.Error())
	}
	return ""
}

func (w *Wizard) testError() string {
	o, ok := w.Tested()
	switch {
	case w.outcome == nil:
		return "Test the connection to go on."
	case !ok:
		return "The details changed since the last test. Test the connection again."
	case !o.OK():
		return "The test found problems. Fix them and test again."
	}
	return ""
}

// SecretWarning returns a caution when the secret looks like the secret's
// ID (a GUID shown next to the Value in the portal) rather than its Value;
// "" otherwise. It does not stop the admin from going on.
func (w *Wizard) SecretWarning() string {
	if w.State.Method != keystore.MethodClientSecret || !oauth.LooksLikeSecretID(trimmed(w.State.Secret)) {
		return ""
	}
	return "This looks like the secret's ID, not its Value. In Certificates & secrets, copy the Value column instead."
}

// Endpoints resolves the sign-in and Graph addresses for the chosen cloud.
func (w *Wizard) Endpoints() (oauth.Endpoints, error) {
	return connection.Resolve(w.State.Cloud, trimmed(w.State.Authority), trimmed(w.State.Graph), w.demo)
}

func validateName(name string) string {
	if err := keystore.ValidateName(trimmed(name)); err != nil {
		return sentence(err.Error())
	}
	return ""
}

// sentence starts msg with a capital letter and ends it with a full stop,
// so messages from other packages read like the wizard's own.
func sentence(msg string) string {
	if msg == "" {
		return msg
	}
	r, size := utf8.DecodeRuneInString(msg)
	msg = string(unicode.ToUpper(r)) + msg[size:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}

func trimmed(s string) string { return strings.TrimSpace(s) }
