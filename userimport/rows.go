package userimport

import (
	"fmt"
	"strings"

	"github.com/entra-wizard/entra-wizard/graph"
)

// Status is where a row stands.
type Status int

const (
	// Ready rows pass every check and will be created.
	Ready Status = iota
	// Invalid rows have Problems and are not sent.
	Invalid
	// Exists rows name a user the tenant already has: nothing to do.
	Exists
	// Created rows were created.
	Created
	// Failed rows were refused by Microsoft Graph; Err says why.
	Failed
)

func (s Status) String() string {
	switch s {
	case Ready:
		return "ready"
	case Invalid:
		return "invalid"
	case Exists:
		return "already exists"
	case Created:
		return "created"
	}
	return "failed"
}

// Row is one user of the file.
type Row struct {
	Line int // the line of the file it is on, counting from 1
	User graph.NewUser
	// GeneratePassword is set when the file leaves the password empty: one
	// is generated when the user is created.
	GeneratePassword bool
	Status           Status
	Problems         []string // what is wrong, in plain words (Invalid)
	Err              error    // Graph's refusal (Failed)
}

// Import is a bulk-create file read and checked.
type Import struct {
	Rows []Row
	// NotImported names the columns whose values are not imported: the
	// template's address and office phone, and columns it does not have.
	NotImported []string

	cells    []int          // the template column of each cell position, or -1
	upnLines map[string]int // lower-case user name -> the first line it is on
	lastLine int            // the last line read, for messages
}

// newImport maps the headings to template columns; a file without one of
// the required columns, or with one twice, cannot be used.
func newImport(headings []string) (*Import, error) {
	im := &Import{cells: make([]int, len(headings)), upnLines: map[string]int{}}
	seen := make([]bool, len(columns))
	for i, h := range headings {
		c := findColumn(h)
		im.cells[i] = c
		switch {
		case c < 0 && strings.TrimSpace(h) != "":
			im.NotImported = append(im.NotImported, strings.TrimSpace(h))
		case c < 0:
		case seen[c]:
			return nil, fmt.Errorf("the file has two columns for %s", columns[c].heading())
		default:
			seen[c] = true
			if columns[c].set == nil && c != blockSignIn {
				im.NotImported = append(im.NotImported, columns[c].heading())
			}
		}
	}
	var missing []string
	for i, c := range columns {
		if c.required && !seen[i] {
			missing = append(missing, c.heading())
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("the file has no column for %s. Start from the admin center's template "+
			"(Users > Bulk operations > Bulk create > Download) and keep its headings", strings.Join(missing, ", "))
	}
	return im, nil
}

// heading is the column's heading in the template.
func (c column) heading() string {
	h := c.label + " [" + c.property + "]"
	if c.required {
		h += " Required"
	}
	return h
}

// The columns the row checks read themselves.
const (
	passwordColumn = 2
	blockSignIn    = 3
)

// addRow reads one line of cells; a line with no value at all is skipped.
func (im *Import) addRow(line int, cells []string) {
	row := Row{Line: line}
	var block string
	empty := true
	for i, v := range cells {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		empty = false
		if i >= len(im.cells) || im.cells[i] < 0 {
			continue
		}
		c := columns[im.cells[i]]
		switch {
		case im.cells[i] == blockSignIn:
			block = v
		case c.set != nil:
			c.set(&row.User, v)
		}
	}
	if empty {
		return
	}
	row.check(block)
	if upn := strings.ToLower(row.User.UserPrincipalName); upn != "" {
		if first, ok := im.upnLines[upn]; ok {
			row.problem(fmt.Sprintf("the user name %s is already on line %d of the file", row.User.UserPrincipalName, first))
		} else {
			im.upnLines[upn] = line
		}
	}
	im.Rows = append(im.Rows, row)
}

// problem records what is wrong with the row.
func (r *Row) problem(text string) {
	r.Problems = append(r.Problems, text)
	r.Status = Invalid
}

// check applies the checks a row needs no tenant for.
func (r *Row) check(block string) {
	u := &r.User
	if u.DisplayName == "" {
		r.problem("the name (display name) is missing")
	} else if len([]rune(u.DisplayName)) > 256 {
		r.problem("the name is longer than 256 characters")
	}
	if u.UserPrincipalName == "" {
		r.problem("the user name is missing")
	} else if why := upnProblem(u.UserPrincipalName); why != "" {
		r.problem("the user name " + u.UserPrincipalName + " " + why)
	}
	switch strings.ToLower(block) {
	// Yes and No answer the template's "Block sign in"; true and false are
	// accountEnabled's own values, for a file written with Graph's names.
	case "no", "true":
	case "yes", "false":
		u.BlockSignIn = true
	case "":
		r.problem("\"Block sign in\" is empty: write No for an account that can sign in, or Yes to block it")
	default:
		r.problem("\"Block sign in\" is " + block + ": write Yes or No")
	}
	if u.Password == "" {
		r.GeneratePassword = true
	} else if why := passwordProblem(u.Password); why != "" {
		r.problem("the initial password " + why)
	}
	if u.UsageLocation != "" && !graph.IsCountryCode(u.UsageLocation) {
		r.problem("the usage location " + u.UsageLocation + " is not a country code: use two letters such as US, GB or DE")
	}
}

// Counts says how many rows are in each status.
func (im *Import) Counts() map[Status]int {
	n := map[Status]int{}
	for _, r := range im.Rows {
		n[r.Status]++
	}
	return n
}

// Message says in plain words where the row stands.
func (r Row) Message() string {
	switch r.Status {
	case Invalid:
		return strings.Join(r.Problems, "; ")
	case Failed:
		return failure(r.Err)
	case Ready:
		if r.GeneratePassword {
			return "ready; a password will be generated"
		}
		return "ready"
	}
	return r.Status.String()
}
