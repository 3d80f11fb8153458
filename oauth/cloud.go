package oauth

// Cloud is a Microsoft cloud: where its sign-in service, Microsoft Graph and
// admin portal live. URLs have no trailing slash.
type Cloud struct {
	// Name is the short name used on the command line and in settings.
	Name string
	// Title is the name shown to people.
	Title     string
	LoginURL  string
	GraphURL  string
	PortalURL string
	// LoginAliases are older sign-in addresses Microsoft still answers on
	// for this cloud: accepted from settings and the command line, never
	// chosen for a new connection.
	LoginAliases []string
}

// Cloud names. CloudCustom names endpoints given by hand (a test tenant or
// a proxy), see CustomEndpoints.
const (
	CloudGlobal   = "global"
	CloudUSGov    = "usgov"
	CloudUSGovDoD = "usgov-dod"
	CloudChina    = "china"
	CloudCustom   = "custom"
)

// Clouds lists the Microsoft clouds the program can connect to, the global
// cloud first.
var Clouds = []Cloud{
	{
		Name:      CloudGlobal,
		Title:     "Microsoft Entra ID (global)",
		LoginURL:  "https://login.microsoftonline.com",
		GraphURL:  "https://graph.microsoft.com",
		PortalURL: "https://entra.microsoft.com",
	},
	{
		Name:      CloudUSGov,
		Title:     "US Government (GCC High)",
		LoginURL:  "https://login.microsoftonline.us",
		GraphURL:  "https://graph.microsoft.us",
		PortalURL: "https://portal.azure.us",
	},
	{
		Name:      CloudUSGovDoD,
		Title:     "US Government (DoD)",
		LoginURL:  "https://login.microsoftonline.us",
		GraphURL:  "https://dod-graph.microsoft.us",
		PortalURL: "https://portal.azure.us",
	},
	{
		Name:         CloudChina,
		Title:        "China (operated by 21Vianet)",
		LoginURL:     "https://login.partner.microsoftonline.cn",
		GraphURL:     "https://microsoftgraph.chinacloudapi.cn",
		PortalURL:    "https://portal.azure.cn",
		LoginAliases: []string{"https://login.chinacloudapi.cn"},
	},
}

// CloudByName finds a cloud by its Name. The empty name means the global
// cloud.
func CloudByName(name string) (Cloud, bool) {
	if name == "" {
		name = CloudGlobal
	}
	for _, c := range Clouds {
		if c.Name == name {
			return c, true
		}
	}
	return Cloud{}, false
}

// signInHost reports whether host is one of c's sign-in hosts, the current
// one or an older alias.
func (c Cloud) signInHost(host string) bool {
	if host == hostOf(c.LoginURL) {
		return true
	}
	for _, a := range c.LoginAliases {
		if host == hostOf(a) {
			return true
		}
	}
	return false
}
