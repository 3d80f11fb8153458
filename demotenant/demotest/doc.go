// Package demotest starts the embedded demo tenant for the tests of the
// packages that run against it: one tenant per test, closed when the test
// ends, a browser that signs in at once, and its apps found by name.
//
// It uses the standard library and the demo tenant's public API only, so
// a test against it exercises the real clients and nothing else.
package demotest
