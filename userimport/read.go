package userimport

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxFileSize bounds the file read into memory: far above the admin
// center's own limits, far below what would strain the computer.
const maxFileSize = 64 << 20

// separators are those a spreadsheet may save with: commas (CSV), semicolons
// (CSV where the comma is the decimal mark) and tabs (Excel's "Unicode
// Text").
var separators = []rune{',', ';', '\t'}

// Read reads a bulk-create file and checks each row on its own (required
// values, user name syntax, duplicates in the file, usage location,
// password rules). What needs the tenant is checked by Check. An error
// means the file as a whole cannot be used: its encoding, its headings, or
// no rows at all.
func Read(r io.Reader) (*Import, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("the file could not be read: %w", err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("the file is larger than %d MB; split it into smaller files", maxFileSize>>20)
	}
	text, err := decode(data)
	if err != nil {
		return nil, err
	}
	text, skipped := withoutVersionLine(text)
	sep := separatorOf(firstLine(text))
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = sep, -1, true
	headings, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("the file is empty: it needs a row of column headings, then one row per user")
	}
	if err != nil {
		return nil, fmt.Errorf("the column headings could not be read: %w", err)
	}
	im, err := newImport(headings)
	if err != nil {
		return nil, err
	}
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("the file could not be read past line %d: %w", im.lastLine+skipped+1, err)
		}
		line, _ := cr.FieldPos(0)
		im.lastLine = line
		im.addRow(line+skipped, cells)
	}
	if len(im.Rows) == 0 {
		return nil, errors.New("the file has column headings but no users: add one row per user below them")
	}
	return im, nil
}

// withoutVersionLine drops the template's first line ("version:v1.0",
// perhaps followed by empty cells a spreadsheet added), reporting how many
// lines it dropped.
func withoutVersionLine(text string) (string, int) {
	first := strings.TrimRight(firstLine(text), ",;\t \r")
	if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(first)), "version:") {
		return text, 0
	}
	if _, rest, ok := strings.Cut(text, "\n"); ok {
		return rest, 1
	}
	return "", 1
}

func firstLine(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	return line
}

// separatorOf picks the separator that splits the heading line into the
// most template columns; commas when none does.
func separatorOf(line string) rune {
	best, most := ',', 0
	for _, sep := range separators {
		cr := csv.NewReader(strings.NewReader(line))
		cr.Comma, cr.LazyQuotes = sep, true
		cells, _ := cr.Read()
		n := 0
		for _, c := range cells {
			if findColumn(c) >= 0 {
				n++
			}
		}
		if n > most {
			best, most = sep, n
		}
	}
	return best
}
