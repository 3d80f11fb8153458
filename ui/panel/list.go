package panel

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// searchDelay is how long the search waits after the last keystroke
// before it asks Graph, so typing a name sends one query, not one a letter.
const searchDelay = 300 * time.Millisecond

// pageAhead is how close to the end of the loaded rows the list may
// scroll before the next page is fetched.
const pageAhead = 20

// searchList is a search box over a virtualized list that pages lazily
// through a Graph pager: only the rows on screen are built, and the next
// page is fetched when the list scrolls near the end of the loaded ones.
// Typing restarts the query after a pause; answers to older queries are
// dropped. Rows may carry check boxes for bulk actions.
type searchList[T any] struct {
	do   func(func())
	noun string // plural, e.g. "users"
	one  string // singular, e.g. "user"

	search *kit.Entry
	count  *widget.Label
	// busy turns beside the count while a query is on its way, so a slow
	// answer does not look like no answer.
	busy     *widget.Activity
	countRow *fyne.Container // busy, count and aside
	list     *kit.List
	// aside is shown at the end of the count's line; may be nil.
	aside fyne.CanvasObject

	query    func(search string) *graph.Pager[T]
	key      func(T) string
	label    func(T) string
	onSelect func(T)
	// onNone is told when a search found nothing, so no details stay open
	// beside an empty list; may be nil.
	onNone func()
	// checkable gives every row a check box, shown while onChecked is set;
	// onChecked is told how many rows are checked.
	checkable bool
	onChecked func(n int)

	items   []T
	checked map[string]T
	pager   *graph.Pager[T]
	ctx     context.Context
	cancel  context.CancelFunc
	gen     int // numbers queries; an answer for an older one is dropped
	loading bool
	// failed stops paging after an error until the next search, so a list
	// that cannot load does not ask again at every scroll.
	failed bool
	timer  *time.Timer

	// order sorts the rows when one page holds every result; nil keeps
	// Graph's order. Rows of a longer list stay in Graph's order, so rows
	// already shown do not move when the next page arrives.
	order func(a, b T) int

	// matches says whether an item made here (a new user) belongs in the
	// results of a search, as Graph's $search would find it; nil: always.
	matches func(item T, search string) bool
	// added counts items made here since the query, which Graph's count
	// does not know yet; selected is the highlighted row, -1 for none.
	added    int
	selected int
}

func newSearchList[T any](do func(func()), noun string, key, label func(T) string) *searchList[T] {
	l := &searchList[T]{do: do, noun: noun, one: strings.TrimSuffix(noun, "s"), key: key, label: label, checked: map[string]T{}}
	l.search = kit.NewEntry()
	l.search.SetPlaceHolder("Search " + noun + " by name or email")
	l.search.OnChanged = l.onSearchChanged
	l.search.OnSubmitted = func(string) { l.reload() }
	l.count = widget.NewLabel("")
	l.busy = widget.NewActivity()
	l.busy.Hide()
	l.list = kit.NewList(l.length, l.createRow, l.updateRow)
	l.selected = -1
	l.list.OnUnselected = func(id widget.ListItemID) {
		if id == l.selected {
			l.selected = -1
		}
	}
	l.list.OnSelected = func(id widget.ListItemID) {
		l.selected = id
		if id < len(l.items) && l.onSelect != nil {
			l.onSelect(l.items[id])
		}
	}
	return l
}

// view is the search box and count above the list.
func (l *searchList[T]) view() fyne.CanvasObject {
	l.countRow = container.NewBorder(nil, nil, l.busy, l.aside, l.count)
	return container.NewBorder(container.NewVBox(l.search, l.countRow), nil, nil, nil, l.list)
}

// start runs queries through query from now on, under ctx, and loads the
// first page.
func (l *searchList[T]) start(ctx context.Context, query func(search string) *graph.Pager[T]) {
	l.query = query
	if l.cancel != nil {
		l.cancel()
	}
	l.ctx, l.cancel = context.WithCancel(ctx)
	l.reload()
}

func (l *searchList[T]) onSearchChanged(string) {
	l.gen++
	gen := l.gen
	// Say at once that the typing is heard; the query follows the pause.
	l.count.SetText("Searching…")
	l.setBusy(true)
	if l.timer != nil {
		l.timer.Stop()
	}
	l.timer = time.AfterFunc(searchDelay, func() {
		l.do(func() {
			if gen == l.gen {
				l.reload()
			}
		})
	})
}

// reload starts the query for the current search text from its first page.
func (l *searchList[T]) reload() {
	if l.query == nil {
		return
	}
	l.gen++
	l.items = nil
	l.loading = false
	l.failed = false
	l.added = 0
	l.pager = l.query(strings.TrimSpace(l.search.Text))
	l.list.UnselectAll()
	l.list.Refresh()
	l.list.ScrollToTop()
	l.count.SetText("Searching…")
	l.tellChecked() // the checked rows are not shown until they load
	l.loadMore()
}

// loadMore fetches the next page in the background unless one is on its
// way or there is none.
func (l *searchList[T]) loadMore() {
	if l.loading || l.failed || l.pager == nil || !l.pager.More() {
		return
	}
	l.loading = true
	l.setBusy(true)
	gen, pager, ctx := l.gen, l.pager, l.ctx
	go func() {
		page, err := pager.Next(ctx)
		l.do(func() {
			if gen != l.gen || ctx.Err() != nil {
				return
			}
			l.loading = false
			l.setBusy(false)
			if err != nil {
				l.failed = true
				l.count.SetText(errorText("list "+l.noun, err) + " Search again to retry.")
				return
			}
			l.items = append(l.items, page...)
			if l.order != nil && len(l.items) == len(page) && !pager.More() {
				slices.SortStableFunc(l.items, l.order)
			}
			l.showCount()
			l.list.Refresh()
			l.tellChecked() // some checked rows may be shown now
			if len(l.items) == 0 && l.onNone != nil {
				l.onNone()
			}
		})
	}()
}

// setBusy shows or hides the activity beside the count.
func (l *searchList[T]) setBusy(on bool) {
	if on == l.busy.Visible() {
		return
	}
	if on {
		l.busy.Show()
		l.busy.Start()
	} else {
		l.busy.Stop()
		l.busy.Hide()
	}
	// The count moves over to make room for the activity, or takes it back.
	if l.countRow != nil {
		l.countRow.Refresh()
	}
}

func (l *searchList[T]) showCount() {
	total := l.pager.Count()
	if total >= 0 {
		total = max(total+l.added, len(l.items))
	}
	switch {
	case len(l.items) == 0:
		l.count.SetText("No " + l.noun + " found.")
	case total >= 0 && total > len(l.items):
		l.count.SetText(fmt.Sprintf("Showing %s of %s %s", number(len(l.items)), number(total), l.noun))
	case total == 1 || (total < 0 && len(l.items) == 1 && !l.pager.More()):
		l.count.SetText("1 " + l.one)
	case total >= 0:
		l.count.SetText(number(total) + " " + l.noun)
	case l.pager.More():
		l.count.SetText(fmt.Sprintf("Showing the first %s %s", number(len(l.items)), l.noun))
	default:
		l.count.SetText(number(len(l.items)) + " " + l.noun)
	}
}

func (l *searchList[T]) length() int { return len(l.items) }

func (l *searchList[T]) createRow() fyne.CanvasObject {
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateEllipsis
	if !l.checkable {
		return text
	}
	return container.NewBorder(nil, nil, kit.NewTick(nil), nil, text)
}

func (l *searchList[T]) updateRow(id widget.ListItemID, row fyne.CanvasObject) {
	if id >= len(l.items) {
		return
	}
	item := l.items[id]
	if id >= len(l.items)-pageAhead {
		l.loadMore()
	}
	box, ok := row.(*fyne.Container)
	if !ok {
		row.(*widget.Label).SetText(l.label(item))
		return
	}
	box.Objects[0].(*widget.Label).SetText(l.label(item))
	check := box.Objects[1].(*kit.Tick)
	if l.onChecked == nil {
		check.Hide()
		return
	}
	check.Show()
	k := l.key(item)
	check.OnChanged = nil
	_, on := l.checked[k]
	check.SetChecked(on)
	check.OnChanged = func(on bool) { l.setChecked(item, on) }
}

// setChecked marks a row for a bulk action.
func (l *searchList[T]) setChecked(item T, on bool) {
	if on {
		l.checked[l.key(item)] = item
	} else {
		delete(l.checked, l.key(item))
	}
	l.tellChecked()
}

// tellChecked tells onChecked how many rows are checked.
func (l *searchList[T]) tellChecked() {
	if l.onChecked != nil {
		l.onChecked(len(l.checked))
	}
}

// checkedItems returns the rows marked for a bulk action, in the order of
// their labels. Checks survive a new search, so rows found by different
// searches can be changed together.
func (l *searchList[T]) checkedItems() []T {
	out := make([]T, 0, len(l.checked))
	for _, it := range l.checked {
		out = append(out, it)
	}
	slices.SortFunc(out, func(a, b T) int { return strings.Compare(l.label(a), l.label(b)) })
	return out
}

// hiddenChecked counts the checked rows the list does not show now:
// checked under an earlier search, or not loaded yet. A bulk change acts
// on them too, so the count must say so.
func (l *searchList[T]) hiddenChecked() int {
	shown := 0
	for _, it := range l.items {
		if _, ok := l.checked[l.key(it)]; ok {
			shown++
		}
	}
	return len(l.checked) - shown
}

// checkAll marks items (every result of a search) for a bulk action.
func (l *searchList[T]) checkAll(items []T) {
	for _, it := range items {
		l.checked[l.key(it)] = it
	}
	l.list.Refresh()
	l.tellChecked()
}

// clearChecked unmarks every row.
func (l *searchList[T]) clearChecked() {
	clear(l.checked)
	l.list.Refresh()
	if l.onChecked != nil {
		l.onChecked(0)
	}
}

// prepend shows a new item (just created or restored) at the top.
// prepend shows a new item (just created or restored) at the top, counted
// and highlighted, when it belongs in the current search; otherwise it
// leaves the rows alone and highlights none, so no other row looks chosen.
// It reports whether the item is listed; when listed, onSelect shows it.
func (l *searchList[T]) prepend(item T) bool {
	l.list.UnselectAll()
	l.selected = -1
	if l.matches != nil && !l.matches(item, strings.TrimSpace(l.search.Text)) {
		return false
	}
	l.items = append([]T{item}, l.items...)
	l.added++
	if l.pager != nil {
		l.showCount()
	}
	l.list.Refresh()
	l.list.Select(0)
	return true
}

// show highlights item when the list has it, swapping in the version
// given, and otherwise highlights no row, so that the list never points at
// another object than the details show. It reports whether it is listed;
// when listed, onSelect shows it.
func (l *searchList[T]) show(item T) bool {
	l.replace(item)
	for i := range l.items {
		if l.key(l.items[i]) == l.key(item) {
			l.list.Select(i)
			l.list.ScrollTo(i)
			return true
		}
	}
	l.list.UnselectAll()
	l.selected = -1
	return false
}

// isSelected reports whether row i is the highlighted one.
func (l *searchList[T]) isSelected(i int) bool { return l.selected == i }

// searchMatches tells whether Graph's $search for search would find an
// object with these texts: every word of the search starts a word of one
// of them.
func searchMatches(search string, texts ...string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	var words []string
	for _, t := range texts {
		words = append(words, split(t)...)
	}
	for _, want := range split(search) {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, want) }) {
			return false
		}
	}
	return true
}

// replace swaps an item shown in the list (after an edit) by key.
func (l *searchList[T]) replace(item T) {
	for i := range l.items {
		if l.key(l.items[i]) == l.key(item) {
			l.items[i] = item
			l.list.RefreshItem(i)
		}
	}
}

// drop removes an item from the list (after a delete) by key.
func (l *searchList[T]) drop(key string) {
	for i := range l.items {
		if l.key(l.items[i]) == key {
			l.items = append(l.items[:i], l.items[i+1:]...)
			l.added--
			if l.pager != nil {
				l.showCount()
			}
			delete(l.checked, key)
			l.list.UnselectAll()
			l.list.Refresh()
			return
		}
	}
}
