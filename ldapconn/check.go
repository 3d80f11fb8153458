package ldapconn

import (
	"context"
	"crypto/x509"
	"net"
	"time"
)

// StepID names a step of the connection test.
type StepID string

// The steps of the connection test, in order.
const (
	StepDNS    StepID = "dns"
	StepTCP    StepID = "tcp"
	StepTLS    StepID = "tls"
	StepBind   StepID = "bind"
	StepSearch StepID = "search"
)

// Steps lists the steps in the order they run, with their titles.
var Steps = []struct {
	ID    StepID
	Title string
}{
	{StepDNS, "The server name resolves"},
	{StepTCP, "The server answers on the port"},
	{StepTLS, "Secure connection (TLS) with a trusted certificate"},
	{StepBind, "The bind account signs in"},
	{StepSearch, "Users and groups can be read under the base DN"},
}

// StepResult is how one step went. A step that never ran (because an
// earlier one failed) has Ran false.
type StepResult struct {
	ID     StepID
	Title  string
	Ran    bool
	OK     bool
	Detail string
}

// Report is the outcome of a connection test.
type Report struct {
	Steps []StepResult
	// Certificate is what the server presented, once the TLS handshake got
	// that far.
	Certificate *Certificate
	Users       int
	Groups      int
	// Err is the first failure; nil when every step passed.
	Err *Error
}

// OK reports whether every step passed.
func (r Report) OK() bool { return r.Err == nil }

// Config holds what the connection needs besides its settings. The zero
// value uses the system's resolver and trusted authorities.
type Config struct {
	// Timeout bounds each step; 0 means DefaultTimeout.
	Timeout time.Duration
	// RootCAs are the trusted authorities; nil means the system's.
	RootCAs *x509.CertPool
	// Resolver looks up host names; nil means net.DefaultResolver.
	Resolver interface {
		LookupHost(ctx context.Context, host string) ([]string, error)
	}
	// Now is the clock certificates are checked against; nil means time.Now.
	Now func() time.Time
}

// DefaultTimeout bounds each step when Config.Timeout is 0.
const DefaultTimeout = 15 * time.Second

// Test runs the whole checklist with settings and password and reports
// each step. The connection is closed afterwards.
func Test(ctx context.Context, cfg Config, s Settings, password string) Report {
	rep := Report{}
	for _, st := range Steps {
		rep.Steps = append(rep.Steps, StepResult{ID: st.ID, Title: st.Title})
	}
	if err := s.Validate(); err != nil {
		rep.Err = newError(StepDNS, CodeInvalidSettings, err, "correct the field and test again", "%v", err)
		return rep
	}
	d, err := open(ctx, cfg, s, password, &rep)
	if err != nil {
		return rep
	}
	defer d.Close()
	users, groups, err := d.count(ctx)
	if err != nil {
		rep.fail(StepSearch, err)
		return rep
	}
	rep.Users, rep.Groups = users, groups
	rep.pass(StepSearch, plural(users, "user")+" and "+plural(groups, "group")+" under "+s.BaseDN)
	return rep
}

// Open connects and binds, ready for searches. A failure is an *Error that
// says which step failed and why.
func Open(ctx context.Context, cfg Config, s Settings, password string) (*Directory, error) {
	if err := s.Validate(); err != nil {
		return nil, newError(StepDNS, CodeInvalidSettings, err, "correct the field and try again", "%v", err)
	}
	var rep Report
	d, err := open(ctx, cfg, s, password, &rep)
	if err != nil {
		return nil, err
	}
	return d, nil
}

func (r *Report) pass(id StepID, detail string) { r.set(id, true, detail) }

func (r *Report) fail(id StepID, err error) {
	e, ok := AsError(err)
	if !ok {
		e = classifyLDAP(id, err, "")
	}
	r.Err = e
	r.set(id, false, e.Message)
}

func (r *Report) set(id StepID, ok bool, detail string) {
	for i := range r.Steps {
		if r.Steps[i].ID == id {
			r.Steps[i].Ran, r.Steps[i].OK, r.Steps[i].Detail = true, ok, detail
			return
		}
	}
	r.Steps = append(r.Steps, StepResult{ID: id, Ran: true, OK: ok, Detail: detail})
}

func (c Config) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return DefaultTimeout
}

func (c Config) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c Config) lookupHost(ctx context.Context, host string) ([]string, error) {
	if c.Resolver != nil {
		return c.Resolver.LookupHost(ctx, host)
	}
	return net.DefaultResolver.LookupHost(ctx, host)
}
