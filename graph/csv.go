package graph

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/entra-wizard/entra-wizard/internal/csvsafe"
)

// csvFormat is the header and row layout of one kind of export; id is
// always the first column.
type csvFormat[T any] struct {
	header []string
	row    func(T) []string
}

var (
	userCSV = csvFormat[User]{
		header: []string{"id", "displayName", "userPrincipalName", "mail", "jobTitle", "department", "usageLocation", "accountEnabled"},
		row: func(u User) []string {
			return []string{u.ID, u.DisplayName, u.UserPrincipalName, u.Mail, u.JobTitle, u.Department, u.UsageLocation, strconv.FormatBool(u.AccountEnabled)}
		},
	}
	groupCSV = csvFormat[Group]{
		header: []string{"id", "displayName", "kind", "mail", "description"},
		row: func(g Group) []string {
			return []string{g.ID, g.DisplayName, string(g.Kind), g.Mail, g.Description}
		},
	}
	memberCSV = csvFormat[Member]{
		header: []string{"id", "displayName", "type", "userPrincipalName"},
		row: func(m Member) []string {
			return []string{m.ID, m.DisplayName, m.Type, m.UserPrincipalName}
		},
	}
)

// WriteUsersCSV writes users as RFC 4180 CSV with a header row.
func WriteUsersCSV(w io.Writer, users []User) error { return writeAll(w, userCSV, users) }

// WriteGroupsCSV writes groups as RFC 4180 CSV with a header row.
func WriteGroupsCSV(w io.Writer, groups []Group) error { return writeAll(w, groupCSV, groups) }

// WriteMembersCSV writes group members as RFC 4180 CSV with a header row.
func WriteMembersCSV(w io.Writer, members []Member) error { return writeAll(w, memberCSV, members) }

// ExportUsers writes every user the pager yields as CSV, a page at a time,
// so memory stays flat on large tenants. progress (may be nil) hears how many
// were written of the total (-1 when unknown). It returns how many rows were
// written.
func ExportUsers(ctx context.Context, w io.Writer, p *Pager[User], progress func(done, total int)) (int, error) {
	return export(ctx, w, userCSV, p, progress)
}

// ExportGroups writes every group the pager yields as CSV, like ExportUsers.
func ExportGroups(ctx context.Context, w io.Writer, p *Pager[Group], progress func(done, total int)) (int, error) {
	return export(ctx, w, groupCSV, p, progress)
}

// ExportMembers writes every member the pager yields as CSV, like
// ExportUsers.
func ExportMembers(ctx context.Context, w io.Writer, p *Pager[Member], progress func(done, total int)) (int, error) {
	return export(ctx, w, memberCSV, p, progress)
}

func writeAll[T any](w io.Writer, f csvFormat[T], items []T) error {
	cw := csvsafe.NewWriter(w)
	if err := cw.Write(f.header); err != nil {
		return fmt.Errorf("graph: write CSV: %w", err)
	}
	for _, it := range items {
		if err := cw.Write(f.row(it)); err != nil {
			return fmt.Errorf("graph: write CSV: %w", err)
		}
	}
	if err := cw.Flush(); err != nil {
		return fmt.Errorf("graph: write CSV: %w", err)
	}
	return nil
}

func export[T any](ctx context.Context, w io.Writer, f csvFormat[T], p *Pager[T], progress func(done, total int)) (int, error) {
	cw := csvsafe.NewWriter(w)
	if err := cw.Write(f.header); err != nil {
		return 0, fmt.Errorf("graph: write CSV: %w", err)
	}
	n := 0
	for p.More() {
		items, err := p.Next(ctx)
		if err != nil {
			_ = cw.Flush()
			return n, err
		}
		for _, it := range items {
			if err := cw.Write(f.row(it)); err != nil {
				return n, fmt.Errorf("graph: write CSV: %w", err)
			}
		}
		n += len(items)
		if err := cw.Flush(); err != nil {
			return n, fmt.Errorf("graph: write CSV: %w", err)
		}
		if progress != nil {
			progress(n, p.Count())
		}
	}
	return n, cw.Flush()
}
