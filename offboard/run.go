package offboard

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/entra-wizard/entra-wizard/graph"
)

// Status is how a step ended.
type Status string

const (
	// StatusDone: the step did what it should, now or in an earlier run.
	StatusDone Status = "done"
	// StatusFailed: the step, or some of its items, failed; running the
	// offboarding again tries what is left.
	StatusFailed Status = "failed"
	// StatusKept: the step was not chosen.
	StatusKept Status = "kept"
)

// Outcome is how one step ended.
type Outcome struct {
	Step   Step   `json:"step"`
	Status Status `json:"status"`
	// Already is true when an earlier run (or someone else) had done it.
	Already bool `json:"already,omitempty"`
	// Removed names what the step removed in this run; Failed says what it
	// could not, each with the reason.
	Removed []string `json:"removed,omitempty"`
	Failed  []string `json:"failed,omitempty"`
	// Err is why the step failed as a whole.
	Err error `json:"-"`
}

// Result is the outcome of a run, step by step in the order of Steps.
type Result struct {
	Outcomes []Outcome
	// Password is the temporary password the reset step set: shown once,
	// never saved. "" when no password was reset in this run.
	Password string
}

// Failed reports whether any step failed.
func (r *Result) Failed() bool {
	return slices.ContainsFunc(r.Outcomes, func(o Outcome) bool { return o.Status == StatusFailed })
}

// Progress is where a run is: the step being done, its place among the
// chosen steps, and a line for an admin.
type Progress struct {
	Step        Step
	Index, Of   int
	Description string
}

// Run does the chosen steps of plan, in order, saving the record first and
// after each step. A step an earlier run finished counts as done; a failed
// one is reported and the next steps go on, except after a cancellation,
// which ends the run with the record saved so that the next run resumes.
func (o *Offboarder) Run(ctx context.Context, plan *Plan, chosen []Step, progress func(Progress)) (*Result, error) {
	rec := plan.Record
	if err := o.Store.Save(rec); err != nil {
		return nil, err
	}
	res := &Result{}
	var todo []Step
	for _, s := range Steps {
		if slices.Contains(chosen, s) {
			todo = append(todo, s)
		}
	}
	for _, s := range Steps {
		if !slices.Contains(todo, s) {
			res.Outcomes = append(res.Outcomes, Outcome{Step: s, Status: StatusKept})
			continue
		}
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if progress != nil {
			progress(Progress{Step: s, Index: slices.Index(todo, s) + 1, Of: len(todo), Description: s.Title() + "…"})
		}
		out := o.runStep(ctx, plan, s, res)
		if out.Status == StatusDone {
			if _, ok := rec.Done[s]; !ok {
				rec.Done[s] = o.now()
			}
		}
		res.Outcomes = append(res.Outcomes, out)
		if err := o.Store.Save(rec); err != nil {
			return res, err
		}
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
	}
	return res, nil
}

// runStep does one step.
func (o *Offboarder) runStep(ctx context.Context, plan *Plan, s Step, res *Result) Outcome {
	out := Outcome{Step: s, Status: StatusDone}
	u, rec := plan.User, plan.Record
	_, doneBefore := rec.Done[s]
	var err error
	switch s {
	case BlockSignIn:
		if !u.AccountEnabled {
			out.Already = true
			return out
		}
		err = o.Client.SetAccountEnabled(ctx, u.ID, false)
		if err == nil {
			plan.User.AccountEnabled = false
		}
	case SignOut:
		err = o.Client.RevokeSessions(ctx, u.ID)
		out.Already = doneBefore
	case ResetPassword:
		if doneBefore {
			// A second reset would make a password nobody has seen.
			out.Already = true
			return out
		}
		var pw string
		if pw, err = graph.GeneratePassword(); err == nil {
			if err = o.Client.ResetPassword(ctx, u, pw, true); err == nil {
				res.Password = pw
			}
		}
	case RemoveLicenses:
		return o.removeLicenses(ctx, rec, out)
	case RemoveGroups:
		return o.removeItems(ctx, rec, out, o.Client.LeaveGroups)
	case RemoveOwnerships:
		return o.removeItems(ctx, rec, out, o.Client.GiveUpOwnerships)
	}
	if err != nil {
		out.Status, out.Err = StatusFailed, err
	}
	return out
}

// removeLicenses takes every recorded license still held in one request.
func (o *Offboarder) removeLicenses(ctx context.Context, rec *Record, out Outcome) Outcome {
	var ids, names []string
	for _, it := range rec.Licenses {
		if !it.Removed {
			ids, names = append(ids, it.ID), append(names, it.Name)
		}
	}
	if len(ids) == 0 {
		out.Already = len(rec.Licenses) > 0
		return out
	}
	if err := o.Client.RemoveLicenses(ctx, rec.UserID, ids); err != nil {
		out.Status, out.Err = StatusFailed, err
		return out
	}
	for i := range rec.Licenses {
		rec.Licenses[i].Removed = true
	}
	out.Removed = names
	return out
}

// removeItems takes each recorded group membership or ownership still held,
// through remove (batched). One gone already counts as removed.
func (o *Offboarder) removeItems(ctx context.Context, rec *Record, out Outcome,
	remove func(ctx context.Context, userID string, groupIDs []string, progress func(done, total int)) []graph.ItemResult) Outcome {
	list := rec.items(out.Step)
	var ids []string
	byID := map[string]*Item{}
	for i := range *list {
		if it := &(*list)[i]; !it.Removed {
			ids = append(ids, it.ID)
			byID[it.ID] = it
		}
	}
	if len(ids) == 0 {
		out.Already = len(*list) > 0
		return out
	}
	for _, r := range remove(ctx, rec.UserID, ids, nil) {
		it := byID[r.ID]
		switch {
		case r.Err == nil || errors.Is(r.Err, graph.ErrNotFound):
			it.Removed = true
			out.Removed = append(out.Removed, it.Name)
		default:
			out.Failed = append(out.Failed, fmt.Sprintf("%s: %s", it.Name, Reason(r.Err)))
		}
	}
	if len(out.Failed) > 0 {
		out.Status = StatusFailed
	}
	return out
}

// Reason words an error for an administrator, without the action: Graph's
// errors in plain words with their code, others as they are.
func Reason(err error) string {
	if e, ok := graph.AsError(err); ok {
		return e.Plain()
	}
	return err.Error()
}
