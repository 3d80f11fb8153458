package changefeed

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/entra-wizard/entra-wizard/graph"
)

// Readers of a connection's feed; each has its own place in it.
const (
	ReaderCLI = "cli"
	ReaderApp = "app"
)

// Source runs delta rounds and names deleted objects: *graph.Client.
type Source interface {
	DeltaRound(ctx context.Context, coll graph.Collection, link string, opts graph.RoundOptions) (*graph.DeltaRound, error)
	DeletedName(ctx context.Context, id string) (string, error)
}

// Feed polls one connection's changes for one reader.
type Feed struct {
	Source     Source
	Store      *Store
	Connection string
	Reader     string
	// Round says how rounds ride out faults.
	Round graph.RoundOptions
	// Now stamps events; nil means time.Now.
	Now func() time.Time
}

// Report is what one poll of one collection did.
type Report struct {
	Collection graph.Collection
	// Baseline: this poll recorded a new baseline and reported nothing.
	Baseline bool
	// Expired: the stored link had expired, so the baseline is new;
	// changes made between the last poll and now were not reported.
	Expired bool
	// Objects counts the objects a baseline recorded.
	Objects int
	// Requests counts the Graph requests the poll made.
	Requests int
	// Changes are the events delivered.
	Changes []graph.Change
}

// Deliver takes a poll's events. The stored link advances only when it
// returns nil; an error leaves the feed where it was, so the same events
// come again next time.
type Deliver func(changes []graph.Change) error

// Poll polls each collection in turn. A collection never polled (or every
// one, with baseline set) gets a baseline: its objects are recorded and no
// events reported. Otherwise the changes since the last poll go to
// deliver, and once it accepts them the feed moves on.
func (f *Feed) Poll(ctx context.Context, colls []graph.Collection, baseline bool, deliver Deliver) ([]Report, error) {
	st, err := f.Store.Load(f.Connection, f.Reader)
	if err != nil {
		return nil, err
	}
	var reports []Report
	for _, coll := range colls {
		rep, err := f.pollOne(ctx, st, coll, baseline, deliver)
		if err != nil {
			return reports, err
		}
		reports = append(reports, rep)
	}
	return reports, nil
}

func (f *Feed) pollOne(ctx context.Context, st *State, coll graph.Collection, baseline bool, deliver Deliver) (Report, error) {
	rep := Report{Collection: coll}
	tr := st.Collections[coll]
	var round *graph.DeltaRound
	var err error
	if tr != nil && tr.DeltaLink != "" && !baseline {
		round, err = f.Source.DeltaRound(ctx, coll, tr.DeltaLink, f.Round)
		if errors.Is(err, graph.ErrResync) {
			rep.Expired, err = true, nil
			round = nil
		}
		if err != nil {
			return rep, err
		}
	}
	if round != nil {
		rep.Requests = round.Requests
		rep.Changes = tr.Known.Classify(coll, round.Items, f.now())
		f.nameDeleted(ctx, rep.Changes)
		if len(rep.Changes) > 0 {
			if err := deliver(rep.Changes); err != nil {
				return rep, err
			}
		}
		tr.DeltaLink = round.DeltaLink
		return rep, f.Store.Save(f.Connection, f.Reader, st)
	}
	rep.Baseline = true
	round, err = f.Source.DeltaRound(ctx, coll, "", f.Round)
	if err != nil {
		return rep, err
	}
	known := graph.Known{}
	known.Absorb(round.Items)
	st.Collections[coll] = &Tracking{DeltaLink: round.DeltaLink, BaselineAt: f.now().UTC(), Known: known}
	rep.Requests, rep.Objects = round.Requests, len(known)
	if err := f.Store.Save(f.Connection, f.Reader, st); err != nil {
		return rep, fmt.Errorf("recording the baseline of %s: %w", coll, err)
	}
	return rep, nil
}

// nameDeleted names the deleted objects the feed never saw, created and
// deleted between two looks, from the recycle bin. A name that cannot be
// read is left out: the change is reported all the same.
func (f *Feed) nameDeleted(ctx context.Context, changes []graph.Change) {
	for i, c := range changes {
		if c.Deleted() && c.DisplayName == "" {
			changes[i].DisplayName, _ = f.Source.DeletedName(ctx, c.ID)
		}
	}
}

func (f *Feed) now() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}
