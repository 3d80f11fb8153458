package graph

// LowerMaxPages sets the page cap to n for a test and returns what puts it
// back, so the cap can be reached in a moment.
func LowerMaxPages(n int) (restore func()) {
	old := maxPages
	maxPages = n
	return func() { maxPages = old }
}
