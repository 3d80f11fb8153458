package buildinfo

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestModuleVersionFollowsReplace(t *testing.T) {
	bi := &debug.BuildInfo{Deps: []*debug.Module{
		{Path: "example.com/other", Version: "v9.9.9"},
		{Path: fyneModule, Version: "v2.7.0"},
	}}
	if got := moduleVersion(bi, fyneModule); got != "v2.7.0" {
		t.Errorf("moduleVersion = %q, want v2.7.0", got)
	}
	bi.Deps[1].Replace = &debug.Module{Path: "example.com/fork", Version: "v2.7.1-fork"}
	if got := moduleVersion(bi, fyneModule); got != "v2.7.1-fork" {
		t.Errorf("with a replace, moduleVersion = %q, want the replacement's version", got)
	}
	if got := moduleVersion(bi, "example.com/missing"); got != "" {
		t.Errorf("a missing module has version %q, want none", got)
	}
}

func TestReadFillsEveryField(t *testing.T) {
	saved := Version
	t.Cleanup(func() { Version = saved })
	Version = ""
	info := Read()
	if info.Version != "dev" {
		t.Errorf("an empty linker version reads as %q, want dev", info.Version)
	}
	if info.Go != runtime.Version() || info.Platform != runtime.GOOS+"/"+runtime.GOARCH {
		t.Errorf("Go/platform = %q %q", info.Go, info.Platform)
	}
	// This test binary does not link Fyne, so its version is unknown, and
	// -buildvcs=false builds record no commit: both say so rather than "".
	for name, v := range map[string]string{"commit": info.Commit, "fyne": info.Fyne} {
		if v == "" {
			t.Errorf("%s is empty", name)
		}
	}
}

func TestStringNamesEachPart(t *testing.T) {
	info := Info{Version: "v1.2.3", Commit: "0123456789abcdef", Go: "go1.26.8", Fyne: "v2.7.0", Platform: "windows/amd64"}
	text := info.String()
	first, _, _ := strings.Cut(text, "\n")
	if first != "Entra Setup Wizard v1.2.3" {
		t.Errorf("first line %q, want the name and version", first)
	}
	for _, want := range []string{"0123456789abcdef", "go1.26.8", "Fyne:     v2.7.0", "windows/amd64"} {
		if !strings.Contains(text, want) {
			t.Errorf("--version text lacks %q:\n%s", want, text)
		}
	}
	if got := info.ShortCommit(); got != "0123456789ab" {
		t.Errorf("ShortCommit = %q", got)
	}
}
