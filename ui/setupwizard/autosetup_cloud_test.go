package setupwizard

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/oauth"
)

func TestSetItUpForMeSignsInToTheChosenCloud(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	s := openAutoSetup(h)
	if s.cloud.choice.Selected != cloudDemoTitle {
		t.Errorf("with the demo tenant running, the cloud is %q", s.cloud.choice.Selected)
	}
	cases := []struct{ title, authority, graph string }{
		{"Microsoft Entra ID (global)", "https://login.microsoftonline.com", "https://graph.microsoft.com"},
		{"US Government (GCC High)", "https://login.microsoftonline.us", "https://graph.microsoft.us"},
		{"US Government (DoD)", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us"},
		{"China (operated by 21Vianet)", "https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn"},
		{cloudDemoTitle, h.info.Authority, h.info.Graph},
	}
	for _, c := range cases {
		s.cloud.choice.SetSelected(c.title)
		req, err := s.request()
		if err != nil {
			t.Fatalf("%s: %v", c.title, err)
		}
		if req.Endpoints.Authority != c.authority || req.Endpoints.Graph != c.graph {
			t.Errorf("%s: setup would use %s and %s", c.title, req.Endpoints.Authority, req.Endpoints.Graph)
		}
	}
	if len(s.cloud.choice.Options) != len(oauth.Clouds)+1 {
		t.Errorf("choices %v", s.cloud.choice.Options)
	}
	// The demo is picked again: setup still runs end to end.
	s.appName.SetText("Set up in the chosen cloud")
	test.Tap(s.start)
	h.q.until(t, "setup", func() bool { return !s.running })
	if s.failed != nil {
		t.Fatalf("setup on the demo tenant failed: %s", s.problem.Text)
	}
}

func TestSetItUpForMeDefaultsToTheGlobalCloud(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	s := openAutoSetup(h)
	req, err := s.request()
	if s.cloud.choice.Selected != "Microsoft Entra ID (global)" || err == nil && req.Endpoints.Authority != "https://login.microsoftonline.com" {
		t.Errorf("without the demo: cloud %q, authority %q (%v)", s.cloud.choice.Selected, req.Endpoints.Authority, err)
	}
}
