package cli

import (
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/buildinfo"
)

func TestVersionPrintsBuildInfoWithoutAWindow(t *testing.T) {
	saved := buildinfo.Version
	t.Cleanup(func() { buildinfo.Version = saved })
	buildinfo.Version = "v9.8.7"
	// No display: --version must work on a server or in a terminal, and
	// never open the app.
	code, stdout, stderr, opened := run(t, nil, "--version")
	if code != 0 || opened != nil || stderr != "" {
		t.Fatalf("--version: exit %d, opened %v, stderr %q", code, opened != nil, stderr)
	}
	if !strings.HasPrefix(stdout, "Entra Setup Wizard v9.8.7\n") {
		t.Errorf("--version printed %q, want the version on the first line", stdout)
	}
	for _, want := range []string{"commit:", "Go:", "Fyne:"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("--version lacks %q:\n%s", want, stdout)
		}
	}
	if code, _, stderr, _ := run(t, nil, "--version", "extra"); code != 2 || stderr == "" {
		t.Errorf("--version with an argument: exit %d, stderr %q; want bad usage", code, stderr)
	}
}
