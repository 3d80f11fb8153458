package main

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// The Graph SDK generates a request builder for every path of the Graph
// API. The program uses a handful; the linker leaves the rest out unless
// something lets reflection reach them (a field of the SDK's service
// client type in a struct that is used through an interface is enough),
// and then the program grows by about 80 MB.
func TestProgramLeavesOutUnusedGraphRequestBuilders(t *testing.T) {
	bin := buildProgram(t)
	out, err := exec.Command("go", "tool", "nm", bin).Output()
	if err != nil {
		t.Fatalf("go tool nm: %v", err)
	}
	unused := []string{"drives", "sites", "identitygovernance", "devicemanagement", "teams"}
	found := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		for _, pkg := range unused {
			if strings.Contains(sc.Text(), "github.com/microsoftgraph/msgraph-sdk-go/"+pkg+".") {
				found[pkg]++
			}
		}
	}
	for pkg, n := range found {
		t.Errorf("the program links %d symbols of the SDK's %s request builders, which it never uses", n, pkg)
	}
}
