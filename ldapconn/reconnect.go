package ldapconn

import (
	"context"
	"errors"

	"github.com/go-ldap/ldap/v3"
)

// PasswordFunc gives the bind password each time a connection is opened,
// so a connection opened again reads it afresh from wherever it is kept.
type PasswordFunc func() (string, error)

// OpenReconnecting connects like Open and keeps what it needs to connect
// again. Active Directory closes a connection that has been idle for its
// LDAP policy's MaxConnIdleTime (900 seconds by default), and a restart of
// the domain controller or a network blip closes it too; the next request
// then dials again, checks the certificate again exactly as the first time
// (a pinned fingerprint must still match), binds with a password asked of
// password again, and runs once more. A failure of that second attempt is
// returned as an *Error saying which step failed.
func OpenReconnecting(ctx context.Context, cfg Config, s Settings, password PasswordFunc) (*Directory, error) {
	pw, err := password()
	if err != nil {
		return nil, err
	}
	d, err := Open(ctx, cfg, s, pw)
	if err != nil {
		return nil, err
	}
	d.cfg, d.password = cfg, password
	return d, nil
}

// current is the connection in use now.
func (d *Directory) current() *ldap.Conn {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.conn
}

// searchPaged runs req, first on a fresh connection when the server has
// closed the current one, and once more on a fresh one when req fails
// because the connection was lost on the way.
func (d *Directory) searchPaged(ctx context.Context, req *ldap.SearchRequest) (*ldap.SearchResult, error) {
	conn, err := d.live(ctx, nil)
	if err != nil {
		return nil, err
	}
	res, err := d.runPaged(ctx, conn, req)
	if !lostConnection(err) || ctx.Err() != nil || d.password == nil {
		return res, err
	}
	if conn, err = d.live(ctx, conn); err != nil {
		return nil, err
	}
	return d.runPaged(ctx, conn, req)
}

// runPaged runs one paged search on conn; cancelling ctx closes conn, since
// the library's calls take no context, and the next request opens another.
// Paged searches run one at a time: OpenLDAP keeps one paged search per
// connection, and a second one started meanwhile makes the first's next
// page fail (a protocol error, or unwilling to perform).
func (d *Directory) runPaged(ctx context.Context, conn *ldap.Conn, req *ldap.SearchRequest) (*ldap.SearchResult, error) {
	d.paging.Lock()
	defer d.paging.Unlock()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	return conn.SearchWithPaging(req, pageFor(req.SizeLimit))
}

// live returns an open connection: the current one unless it is closing or
// is failed, the one that just failed; otherwise a new one.
func (d *Directory) live(ctx context.Context, failed *ldap.Conn) (*ldap.Conn, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.conn != failed && !d.conn.IsClosing() || d.password == nil {
		return d.conn, nil
	}
	d.conn.Close()
	pw, err := d.password()
	if err != nil {
		return nil, lostError(newError(StepBind, CodeInvalidCredentials, err,
			"Open the connection's settings and type the bind password again.", "the saved password could not be read: %v", err))
	}
	var rep Report
	fresh, err := open(ctx, d.cfg, d.settings, pw, &rep)
	if err != nil {
		e, _ := AsError(err)
		return nil, lostError(e)
	}
	d.conn = fresh.conn
	return d.conn, nil
}

// lostConnection reports whether err means the connection is gone, rather
// than the server refusing the request.
func lostConnection(err error) bool {
	return err != nil && ldap.IsErrorWithCode(err, ldap.ErrorNetwork)
}

// lostError says that the connection was lost and what failed when
// connecting again, keeping the step, code and certificate of cause.
func lostError(cause *Error) *Error {
	e := *cause
	e.Message = "the connection to the server was lost, and connecting again failed: " + cause.Message
	e.err = errors.Join(ErrConnectionLost, cause)
	return &e
}

// ErrConnectionLost is in the chain of an error that means the connection
// was lost and could not be opened again, so a front end can offer to try
// again.
var ErrConnectionLost = errors.New("the connection to the server was lost")
