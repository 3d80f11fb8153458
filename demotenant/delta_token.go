package demotenant

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// deltaTokenLifetime is how long Graph keeps the state a delta token names
// for directory objects; an older token must start a new baseline.
const deltaTokenLifetime = 7 * 24 * time.Hour

// errSyncStateNotFound is Graph's answer to a delta token it holds no state
// for: expired, from another tenant run, or not a token at all.
var errSyncStateNotFound = odata.NewError(http.StatusGone, "syncStateNotFound",
	"The sync state generation is not found. The delta token is expired and data must be synchronized again.")

// deltaState is what a $deltatoken or $skiptoken carries: the query of the
// first request and a position in the change log. Graph keeps the query
// in its tokens too, so later rounds need not repeat it.
type deltaState struct {
	Generation string   `json:"g"`
	Groups     bool     `json:"k,omitempty"`
	Select     []string `json:"s,omitempty"`
	Members    bool     `json:"m,omitempty"` // members@delta was asked for
	// From is the log position the round reports changes after; -1 in a
	// baseline, which lists the objects as they are.
	From int `json:"f"`
	// To is the log position the round ends at: the next deltaLink's.
	To int `json:"t"`
	// After is the id of the last object a baseline page sent.
	After string `json:"a,omitempty"`
	// Offset counts the changed objects earlier pages of a round sent.
	Offset int   `json:"o,omitempty"`
	Issued int64 `json:"i"`
}

func (st deltaState) encode() string {
	raw, _ := json.Marshal(st)
	return base64.RawURLEncoding.EncodeToString(raw)
}

// parseDeltaState reads a token of this tenant run for the same kind of
// object, issued within the token lifetime.
func (s *Server) parseDeltaState(token string, groups bool) (deltaState, error) {
	var st deltaState
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || json.Unmarshal(raw, &st) != nil {
		return st, errSyncStateNotFound
	}
	log := s.dir.changes()
	issued := time.Unix(st.Issued, 0)
	switch {
	case st.Generation != log.generation, st.Groups != groups, st.To > log.position(), st.From > st.To:
		return st, errSyncStateNotFound
	case s.opts.Now().Sub(issued) > deltaTokenLifetime:
		return st, errSyncStateNotFound
	}
	return st, nil
}
