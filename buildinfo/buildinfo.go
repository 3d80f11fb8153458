package buildinfo

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Set by the release build:
//
//	go build -ldflags "-X github.com/entra-wizard/entra-wizard/buildinfo.Version=v1.2.3
//	  -X github.com/entra-wizard/entra-wizard/buildinfo.Commit=0123abc"
var (
	// Version is the git tag the program was built from, such as "v1.2.3",
	// or "dev" for a build outside the release scripts.
	Version = "dev"
	// Commit is the git commit the program was built from; "" when unknown.
	Commit = ""
)

// fyneModule is the module path whose version Info reports as Fyne's.
const fyneModule = "fyne.io/fyne/v2"

// Info describes the running build.
type Info struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Go      string `json:"go"`
	Fyne    string `json:"fyne"`
	// Platform is the system and processor the program was built for,
	// such as "windows/amd64".
	Platform string `json:"platform"`
}

// Read returns the running program's build information.
func Read() Info {
	info := Info{
		Version:  Version,
		Commit:   Commit,
		Go:       runtime.Version(),
		Platform: runtime.GOOS + "/" + runtime.GOARCH,
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.Fyne = moduleVersion(bi, fyneModule)
		if info.Commit == "" {
			info.Commit = setting(bi, "vcs.revision")
		}
	}
	if info.Version == "" {
		info.Version = "dev"
	}
	if info.Commit == "" {
		info.Commit = "unknown"
	}
	if info.Fyne == "" {
		info.Fyne = "unknown"
	}
	return info
}

// String is the text of "entra-wizard --version": the version on the first
// line, then what it was built from.
func (i Info) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Entra Setup Wizard %s\n", i.Version)
	fmt.Fprintf(&b, "commit:   %s\n", i.Commit)
	fmt.Fprintf(&b, "Go:       %s\n", i.Go)
	fmt.Fprintf(&b, "Fyne:     %s\n", i.Fyne)
	fmt.Fprintf(&b, "platform: %s\n", i.Platform)
	return b.String()
}

// ShortCommit is the first 12 characters of the commit, for small spaces
// such as the About box.
func (i Info) ShortCommit() string {
	if len(i.Commit) > 12 {
		return i.Commit[:12]
	}
	return i.Commit
}

// moduleVersion finds the version of the module at path among the
// dependencies recorded in bi, following a replace directive.
func moduleVersion(bi *debug.BuildInfo, path string) string {
	for _, m := range bi.Deps {
		if m.Path != path {
			continue
		}
		if m.Replace != nil && m.Replace.Version != "" {
			return m.Replace.Version
		}
		return m.Version
	}
	return ""
}

func setting(bi *debug.BuildInfo, key string) string {
	for _, s := range bi.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}
