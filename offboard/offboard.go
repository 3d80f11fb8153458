package offboard

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/graph"
)

// Step is one thing offboarding does, named as the command line names it.
type Step string

// The steps, in the order they run.
const (
	BlockSignIn      Step = "block-sign-in"
	SignOut          Step = "sign-out"
	ResetPassword    Step = "reset-password"
	RemoveLicenses   Step = "remove-licenses"
	RemoveGroups     Step = "remove-groups"
	RemoveOwnerships Step = "remove-ownerships"
)

// Steps lists every step in the order they run. Signing in is blocked
// first, so nothing taken later can be used in between.
var Steps = []Step{BlockSignIn, SignOut, ResetPassword, RemoveLicenses, RemoveGroups, RemoveOwnerships}

// Title is how a step reads in a list for an admin.
func (s Step) Title() string {
	switch s {
	case BlockSignIn:
		return "Block sign-in"
	case SignOut:
		return "Sign out everywhere"
	case ResetPassword:
		return "Reset the password"
	case RemoveLicenses:
		return "Remove licenses"
	case RemoveGroups:
		return "Remove from groups"
	case RemoveOwnerships:
		return "Remove as group owner"
	}
	return string(s)
}

// ParseSteps reads a comma-separated list of step names.
func ParseSteps(list string) ([]Step, error) {
	var out []Step
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if !slices.Contains(Steps, Step(name)) {
			return nil, fmt.Errorf("no step is called %q; the steps are %s", name, stepNames())
		}
		out = append(out, Step(name))
	}
	return out, nil
}

func stepNames() string {
	names := make([]string, len(Steps))
	for i, s := range Steps {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// ErrUserGone: the user no longer exists in the tenant (deleted, or never
// did).
var ErrUserGone = errors.New("the user no longer exists")

// Offboarder offboards users of one connection and undoes it.
type Offboarder struct {
	Client     *graph.Client
	Store      *Store
	Connection string
	// Now is the clock of the records; nil means time.Now.
	Now func() time.Time
}

func (o *Offboarder) now() time.Time {
	if o.Now != nil {
		return o.Now().UTC()
	}
	return time.Now().UTC()
}

// Plan is what offboarding a user would do: the record as it would be
// saved, holding what an earlier, unfinished run already took.
type Plan struct {
	User   graph.User
	Record *Record
	// Resuming is true when an earlier run left a record.
	Resuming bool
}

// Pending lists the items a step still has to remove, by name.
func (p *Plan) Pending(s Step) []string {
	list := p.Record.items(s)
	if list == nil {
		return nil
	}
	var names []string
	for _, it := range *list {
		if !it.Removed {
			names = append(names, it.Name)
		}
	}
	return names
}

// Done reports whether an earlier run finished the step.
func (p *Plan) Done(s Step) bool {
	_, ok := p.Record.Done[s]
	return ok
}

// Preview reads the user and what they hold, and merges it into the record
// an earlier run left: nothing is changed or saved.
func (o *Offboarder) Preview(ctx context.Context, idOrUPN string) (*Plan, error) {
	h, err := o.Client.UserHoldings(ctx, idOrUPN)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, fmt.Errorf("%s: %w", idOrUPN, ErrUserGone)
	}
	if err != nil {
		return nil, err
	}
	u := h.User
	rec, err := o.Store.Load(o.Connection, u.ID)
	if err != nil {
		return nil, err
	}
	plan := &Plan{User: u, Record: rec, Resuming: rec != nil}
	if rec == nil {
		plan.Record = &Record{Connection: o.Connection, UserID: u.ID, StartedAt: o.now(),
			WasEnabled: u.AccountEnabled, Done: map[Step]time.Time{}}
	}
	plan.Record.UPN, plan.Record.Name = u.UserPrincipalName, u.DisplayName
	held := map[Step][]Item{}
	for _, l := range h.Licenses {
		held[RemoveLicenses] = append(held[RemoveLicenses], Item{ID: l.SKUID, Name: licenseName(l)})
	}
	for _, g := range h.Groups {
		held[RemoveGroups] = append(held[RemoveGroups], Item{ID: g.ID, Name: g.DisplayName})
	}
	for _, g := range h.Owned {
		held[RemoveOwnerships] = append(held[RemoveOwnerships], Item{ID: g.ID, Name: g.DisplayName})
	}
	for _, s := range []Step{RemoveLicenses, RemoveGroups, RemoveOwnerships} {
		merge(plan.Record.items(s), held[s])
	}
	return plan, nil
}

func licenseName(l graph.License) string {
	if l.ProductName != "" {
		return l.ProductName
	}
	return l.PartNumber
}

// merge brings a recorded list up to date with what the user holds now:
// an item recorded but no longer held counts as removed (an interrupted run
// took it, or someone else did: either way there is nothing left to
// remove), one held but not recorded is added, and one removed earlier but
// held again is to be removed again.
func merge(list *[]Item, held []Item) {
	now := map[string]Item{}
	for _, it := range held {
		now[it.ID] = it
	}
	for i := range *list {
		it := &(*list)[i]
		h, ok := now[it.ID]
		switch {
		case !ok:
			it.Removed = true
		case it.Removed:
			it.Removed = false
		}
		if ok {
			it.Name = h.Name
		}
		delete(now, it.ID)
	}
	for _, it := range held {
		if _, new := now[it.ID]; new {
			*list = append(*list, it)
		}
	}
}
