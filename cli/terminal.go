package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TerminalText returns s with every character that would act on a terminal
// instead of showing written as a visible escape: C0 and C1 controls (ESC
// starts the sequences that move the cursor, retitle the window or fake a
// prompt; a carriage return overwrites the line), DEL, and the invisible
// marks that reverse or isolate the direction of text (U+202A-202E,
// U+2066-2069, U+200E, U+200F, U+061C), which can make a name read as
// another. ESC becomes `\u001b`, U+202E `\u202e`: the same spelling JSON
// uses, so inside a JSON string the escape is valid JSON that decodes to
// the original character. Bytes that are not UTF-8 become U+FFFD, as
// encoding/json makes them. Line breaks and tabs are kept.
func TerminalText(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if acts(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r) // an invalid byte arrives as utf8.RuneError
	}
	return b.String()
}

func needsEscape(s string) bool {
	for _, r := range s {
		if acts(r) || r == utf8.RuneError {
			return true
		}
	}
	return false
}

// acts reports a character that controls a terminal rather than shows.
func acts(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case unicode.IsControl(r):
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f', r == '\u061c':
		return true
	}
	return false
}

// terminalWriter writes everything through TerminalText. A character split
// across two writes (csv.Writer and bufio flush at any byte) is held until
// its end arrives; Flush writes what is left.
type terminalWriter struct {
	w    io.Writer
	held []byte
}

func (t *terminalWriter) Write(p []byte) (int, error) {
	data := append(t.held, p...)
	cut := len(data) - incompleteTail(data)
	t.held = append([]byte(nil), data[cut:]...)
	if _, err := io.WriteString(t.w, TerminalText(string(data[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a held, never completed character (as U+FFFD).
func (t *terminalWriter) Flush() error {
	if len(t.held) == 0 {
		return nil
	}
	rest := string(t.held)
	t.held = nil
	_, err := io.WriteString(t.w, TerminalText(rest))
	return err
}

// incompleteTail is how many bytes at the end of b begin a UTF-8 character
// whose remaining bytes have not arrived yet.
func incompleteTail(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return len(b) - i
			}
			return 0
		}
	}
	return 0
}

// forTerminal returns env with Stdout and Stderr writing through
// TerminalText, so that text from a tenant, a server or the settings file
// (names, IDs, errors, a certificate's subject) cannot drive the terminal
// of whoever reads it, and done, which writes anything held. Every command
// that prints such text calls it first; calling it again is harmless.
func (e Env) forTerminal() (Env, func()) {
	var flush []*terminalWriter
	wrap := func(w io.Writer) io.Writer {
		if w == nil {
			return nil
		}
		if tw, ok := w.(*terminalWriter); ok {
			return tw
		}
		tw := &terminalWriter{w: w}
		flush = append(flush, tw)
		return tw
	}
	e.Stdout, e.Stderr = wrap(e.Stdout), wrap(e.Stderr)
	return e, func() {
		for _, tw := range flush {
			_ = tw.Flush()
		}
	}
}
