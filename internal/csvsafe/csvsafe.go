// Package csvsafe writes the CSV files the program exports (from Microsoft
// Graph and from secure LDAP alike) so that a spreadsheet opening one shows
// every cell as text and never runs a value from the directory as a formula.
package csvsafe

import (
	"encoding/csv"
	"io"
	"strings"
)

// formulaStarts are the first characters that make Excel, LibreOffice or
// Google Sheets read a cell as a formula (=, +, -, @), plus the tab and
// carriage return some of them skip before looking for one.
const formulaStarts = "=+-@\t\r"

// Writer writes RFC 4180 CSV rows with every cell defused.
type Writer struct {
	cw *csv.Writer
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{cw: csv.NewWriter(w)}
}

// Write writes one row. A cell that a spreadsheet would run as a formula
// gets a leading apostrophe, which spreadsheets show as text and do not
// display; IDs, user names, distinguished names and booleans never start
// with one of those characters, so they stay as they are. row itself is
// left unchanged.
func (w *Writer) Write(row []string) error {
	cells := make([]string, len(row))
	for i, c := range row {
		cells[i] = Defuse(c)
	}
	return w.cw.Write(cells)
}

// Flush writes any buffered rows and reports the first error of any write.
func (w *Writer) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}

// Defuse returns the cell a spreadsheet shows as the text v.
func Defuse(v string) string {
	if v != "" && strings.ContainsRune(formulaStarts, rune(v[0])) {
		return "'" + v
	}
	return v
}
