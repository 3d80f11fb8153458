package demotenant

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// deltaRoutes are the change-tracking functions, under each name Graph
// accepts: delta, delta() and the SDKs' microsoft.graph.delta().
func (s *Server) deltaRoutes() []graphRoute {
	var out []graphRoute
	for _, name := range []string{"delta", "delta()", "microsoft.graph.delta()"} {
		out = append(out,
			graphRoute{Method: "GET", Path: "/users/" + name, Handler: s.usersDelta},
			graphRoute{Method: "GET", Path: "/groups/" + name, Handler: s.groupsDelta})
	}
	return out
}

// usersDelta answers GET /users/delta: the users as they are (a first
// round), or what changed since a $deltatoken.
func (s *Server) usersDelta(c *graphCall) error {
	if err := c.allow(readUsers); err != nil {
		return err
	}
	return s.delta(c, false)
}

// groupsDelta answers GET /groups/delta, with members@delta when $select
// names members.
func (s *Server) groupsDelta(c *graphCall) error {
	if err := c.allow(readGroups); err != nil {
		return err
	}
	return s.delta(c, true)
}

func (s *Server) delta(c *graphCall, groups bool) error {
	st, err := s.deltaRequestState(c, groups)
	if err != nil {
		return err
	}
	size := preferredPageSize(c.r)
	c.w.Header().Set("Preference-Applied", "odata.maxpagesize="+strconv.Itoa(size))
	var page deltaPage
	if st.From < 0 {
		page = s.baselinePage(st, size)
	} else {
		page = s.changesPage(st, size, prefers(c.r, "return=minimal"))
	}
	set := map[bool]string{false: "users", true: "groups"}[groups]
	context := set
	if len(st.Select) > 0 {
		context += "(" + strings.Join(st.Select, ",") + ")"
	}
	out := odata.Object{{"@odata.context", c.contextURL(context)}}
	link := s.baseURL + c.version + "/" + set + "/delta?"
	if page.next != nil {
		out = append(out, odata.Field{"@odata.nextLink", link + url.Values{"$skiptoken": {page.next.encode()}}.Encode()})
	} else {
		end := deltaState{Generation: st.Generation, Groups: groups, Select: st.Select, Members: st.Members,
			From: st.To, To: st.To, Issued: s.opts.Now().Unix()}
		out = append(out, odata.Field{"@odata.deltaLink", link + url.Values{"$deltatoken": {end.encode()}}.Encode()})
	}
	return c.writeJSON(http.StatusOK, append(out, odata.Field{"value", page.items}))
}

// deltaRequestState reads the request's token, or starts a round from its
// query options: a baseline, or with $deltatoken=latest no data at all.
func (s *Server) deltaRequestState(c *graphCall, groups bool) (deltaState, error) {
	v := c.r.URL.Query()
	for _, opt := range []string{"$top", "$orderby", "$search", "$count", "$expand"} {
		if v.Has(opt) {
			return deltaState{}, odata.NewError(http.StatusBadRequest, "Request_UnsupportedQuery",
				"The query option %s is not supported with delta queries.", opt)
		}
	}
	if v.Has("$filter") {
		return deltaState{}, odata.UnsupportedFilter("id", map[bool]string{false: "User", true: "Group"}[groups])
	}
	log := s.dir.changes()
	switch tok := v.Get("$deltatoken"); {
	case v.Has("$skiptoken"):
		return s.parseDeltaState(v.Get("$skiptoken"), groups)
	case tok != "" && tok != "latest":
		st, err := s.parseDeltaState(tok, groups)
		st.To = log.position()
		return st, err
	}
	st := deltaState{Generation: log.generation, Groups: groups, From: -1, To: log.position(), Issued: s.opts.Now().Unix()}
	var err error
	if st.Select, st.Members, err = deltaSelect(v, groups); err != nil {
		return st, err
	}
	if v.Get("$deltatoken") == "latest" {
		st.From = st.To
	}
	return st, nil
}

// deltaSelect reads $select; groups may also select members.
func deltaSelect(v url.Values, groups bool) (sel []string, members bool, err error) {
	kind := map[bool]*odata.Kind{false: userKind, true: groupKind}[groups]
	var props []string
	for _, p := range strings.Split(v.Get("$select"), ",") {
		switch p = strings.TrimSpace(p); {
		case p == "":
		case p == "members" && groups:
			members = true
		default:
			props = append(props, p)
		}
	}
	if len(props) > 0 {
		sel, err = odata.ParseSelect(url.Values{"$select": {strings.Join(props, ",")}}, kind)
	}
	if members {
		sel = append(sel, "members")
	}
	return sel, members, err
}

// selection is the properties each object carries, without members.
func (st deltaState) selection() []string {
	return slices.DeleteFunc(slices.Clone(st.Select), func(p string) bool { return p == "members" })
}

// deltaPageSize is the most objects a user or group delta page holds, and
// what it holds when the client states no preference. $top is refused on
// delta (Microsoft's delta query overview), and Graph caps odata.maxpagesize
// at 200 directory objects a page whatever the client asks, so a round of a
// larger directory always spans several pages.
const deltaPageSize = 200

// preferredPageSize honours Prefer: odata.maxpagesize, up to deltaPageSize.
func preferredPageSize(r *http.Request) int {
	for _, pref := range preferences(r) {
		if n, ok := strings.CutPrefix(pref, "odata.maxpagesize="); ok {
			if size, err := strconv.Atoi(n); err == nil && size > 0 {
				return min(size, deltaPageSize)
			}
		}
	}
	return deltaPageSize
}

func prefers(r *http.Request, want string) bool {
	return slices.Contains(preferences(r), want)
}

func preferences(r *http.Request) []string {
	var out []string
	for _, h := range r.Header.Values("Prefer") {
		for _, p := range strings.Split(h, ",") {
			out = append(out, strings.ToLower(strings.ReplaceAll(p, " ", "")))
		}
	}
	return out
}
