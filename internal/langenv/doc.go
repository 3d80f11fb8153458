// Package langenv gives Fyne a language it can read when the system locale
// names none, as LANG=C.UTF-8 does on servers and in containers.
//
// Fyne's lang package reads the locale in its init, before main runs, and
// for C.UTF-8 logs "Fyne error: Error parsing user locale C" on stderr,
// then uses English anyway. So every command printed that line, also those
// that never open a window. Importing this package from main rewrites
// LANGUAGE (the list of languages that the locale lookup Fyne uses prefers)
// before that init runs: unreadable entries are left out, and English is
// named when none is left. Commands stay quiet and the window falls back to
// English without a word.
//
// It works only if this package's init runs before Fyne's. Go initialises,
// at each step, the first package by import path whose imports are all
// initialised. This package imports only os and strings, which
// github.com/jeandeaual/go-locale (imported by fyne.io/fyne/v2/lang) also
// imports, and its path sorts before go-locale's: so it is ready no later
// than go-locale and always goes first. The test in package main proves it
// on the built binary; archtest keeps the imports this small.
package langenv
