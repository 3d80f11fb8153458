package userimport

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/entra-wizard/entra-wizard/graph"
)

// Check runs the checks that need the tenant, reading only: a user name's
// domain must be one of the tenant's verified domains, and a user name the
// tenant already has makes the row Exists (nothing to do, not an error).
// The names are looked up 20 per $batch request; progress counts them.
func (im *Import) Check(ctx context.Context, c *graph.Client, progress func(done, total int)) error {
	org, err := c.Organization(ctx)
	if err != nil {
		return fmt.Errorf("could not read the tenant's verified domains: %w", err)
	}
	var upns []string
	var ready []*Row
	for i := range im.Rows {
		r := &im.Rows[i]
		if r.Status != Ready {
			continue
		}
		_, domain, _ := strings.Cut(r.User.UserPrincipalName, "@")
		if !slices.ContainsFunc(org.VerifiedDomains, func(d string) bool { return strings.EqualFold(d, domain) }) {
			r.problem("the domain " + domain + " is not one of the tenant's verified domains (" +
				strings.Join(org.VerifiedDomains, ", ") + ")")
			continue
		}
		upns = append(upns, r.User.UserPrincipalName)
		ready = append(ready, r)
	}
	found, err := c.ExistingUserPrincipalNames(ctx, upns, progress)
	if err != nil {
		return fmt.Errorf("could not look up which users already exist: %w", err)
	}
	for _, r := range ready {
		if found[strings.ToLower(r.User.UserPrincipalName)] {
			r.Status = Exists
		}
	}
	return nil
}

// NeedsPasswords says whether creating the ready rows generates passwords,
// which then must be kept somewhere for the admin to hand out.
func (im *Import) NeedsPasswords() bool {
	for _, r := range im.Rows {
		if r.Status == Ready && r.GeneratePassword {
			return true
		}
	}
	return false
}

// Create creates the ready rows, 20 per $batch request, and records each
// row's result: Created, Exists when the name was taken meanwhile (or the
// file is run again), or Failed. A failed row never stops the others.
// Passwords are generated here for the rows without one; Passwords lists
// them afterwards.
func (im *Import) Create(ctx context.Context, c *graph.Client, progress func(done, total int)) error {
	var users []graph.NewUser
	var rows []*Row
	for i := range im.Rows {
		r := &im.Rows[i]
		if r.Status != Ready {
			continue
		}
		if r.GeneratePassword && r.User.Password == "" {
			pw, err := generatePassword()
			if err != nil {
				return err
			}
			r.User.Password = pw
		}
		users = append(users, r.User)
		rows = append(rows, r)
	}
	for i, res := range c.CreateUsers(ctx, users, progress) {
		switch {
		case res.Err != nil:
			rows[i].Status, rows[i].Err = Failed, res.Err
		case res.Already:
			rows[i].Status = Exists
		default:
			rows[i].Status = Created
		}
	}
	return nil
}

// generatePassword is a generated password that a spreadsheet opening the
// passwords file shows as it is: one starting with = + - or @ would be
// read as a formula.
func generatePassword() (string, error) {
	for {
		pw, err := graph.GeneratePassword()
		if err != nil || !strings.ContainsAny(pw[:1], "=+-@") {
			return pw, err
		}
	}
}
