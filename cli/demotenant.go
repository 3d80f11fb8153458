package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"slices"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

const demoTenantUsage = `Usage: entra-wizard demo-tenant [--addr 127.0.0.1:0] [--scenario NAME]
                                [--latency DURATION] [--throttle-every N]
                                [--retry-after SECONDS] [--drop-every N]
                                [--replication-delay DURATION]
                                [--restrict-command-line-tools]
                                [--block-secrets] [--max-secret-days N]
                                [--max-certificate-days N]
                                [--other-admin DURATION]

Runs the built-in demo tenant on its own: a simulated Microsoft Entra sign-in
service and Microsoft Graph, on this computer only. It prints one JSON line
with its addresses and demo credentials, then serves until interrupted
(Ctrl+C).

Flags:
  --addr HOST:PORT    loopback address to listen on (default 127.0.0.1:0,
                      a free port)
  --scenario NAME     %s (default %s)

Faults, to see how a client copes with a slow or busy service:
  --latency DURATION  delay every answer, e.g. 300ms (default 0)
  --throttle-every N  answer every Nth Graph request with 429 Too Many
                      Requests (default 0: never)
  --retry-after SECONDS
                      the Retry-After of those answers (default 1)
  --drop-every N      close the connection without an answer on every Nth
                      Graph request (default 0: never)

Setting up an app without the portal ("entra-wizard setup"):
  --replication-delay DURATION
                      how long a new app and a new secret take to reach the
                      sign-in service, e.g. 20s (default 0): meanwhile the app
                      is unknown (AADSTS700016), then its secret is refused
                      (AADSTS7000215)
  --restrict-command-line-tools
                      the tenant blocks Microsoft Graph Command Line Tools:
                      its sign-ins end with AADSTS50105

The tenant's default app management policy, for apps created while it runs:
  --block-secrets     new client secrets are refused (passwordAddition)
  --max-secret-days N secrets may live at most N days (passwordLifetime)
  --max-certificate-days N
                      certificates may live at most N days
                      (asymmetricKeyLifetime)

Activity, so a change feed has something to show:
  --other-admin DURATION
                      a second administrator changes a user or group this
                      often, e.g. 20s (default 0: never)
`

// shutdownGrace is how long requests in flight may finish once the demo
// tenant is asked to stop.
const shutdownGrace = 5 * time.Second

// RunDemoTenant runs "entra-wizard demo-tenant": it starts the demo tenant,
// prints the JSON form of its Info as one line on Stdout, and serves until
// ctx ends (main ends it on SIGINT or SIGTERM).
func RunDemoTenant(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("demo-tenant", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", "127.0.0.1:0", "")
	scenario := fs.String("scenario", demotenant.ScenarioDefault, "")
	latency := fs.Duration("latency", 0, "")
	throttleEvery := fs.Int("throttle-every", 0, "")
	retryAfter := fs.Int("retry-after", 1, "")
	dropEvery := fs.Int("drop-every", 0, "")
	replicationDelay := fs.Duration("replication-delay", 0, "")
	restrictCLI := fs.Bool("restrict-command-line-tools", false, "")
	otherAdmin := fs.Duration("other-admin", 0, "")
	blockSecrets := fs.Bool("block-secrets", false, "")
	maxSecretDays := fs.Int("max-secret-days", 0, "")
	maxCertDays := fs.Int("max-certificate-days", 0, "")
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		writeDemoTenantUsage(env.Stdout)
		return 0
	case err != nil:
		return demoTenantUsageError(env, err.Error())
	case fs.NArg() > 0:
		return demoTenantUsageError(env, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	case !slices.Contains(demotenant.Scenarios, *scenario):
		return demoTenantUsageError(env, fmt.Sprintf("unknown scenario %q: choose one of %s",
			*scenario, scenarioList()))
	case *latency < 0 || *throttleEvery < 0 || *dropEvery < 0 || *replicationDelay < 0 || *otherAdmin < 0 ||
		*maxSecretDays < 0 || *maxCertDays < 0:
		return demoTenantUsageError(env, "--latency, --throttle-every, --drop-every, --replication-delay, --other-admin and the --max-...-days cannot be negative")
	case *retryAfter < 1:
		return demoTenantUsageError(env, "--retry-after must be at least 1 second")
	}
	if err := checkLoopbackAddr(*addr); err != nil {
		return demoTenantUsageError(env, err.Error())
	}

	srv, err := demotenant.Start(demotenant.Options{
		Addr:          *addr,
		Scenario:      *scenario,
		Latency:       *latency,
		ThrottleEvery: *throttleEvery,
		RetryAfter:    *retryAfter,
		DropEvery:     *dropEvery,

		ReplicationDelay:         *replicationDelay,
		RestrictCommandLineTools: *restrictCLI,
		OtherAdminEvery:          *otherAdmin,
		AppPolicy: demotenant.AppPolicy{BlockSecrets: *blockSecrets,
			MaxSecretLifetime:      time.Duration(*maxSecretDays) * 24 * time.Hour,
			MaxCertificateLifetime: time.Duration(*maxCertDays) * 24 * time.Hour},
	})
	if err != nil {
		fmt.Fprintf(env.Stderr, "entra-wizard demo-tenant: could not start: %v\n", err)
		return 1
	}
	line, err := json.Marshal(srv.Info())
	if err != nil {
		_ = srv.Close()
		fmt.Fprintf(env.Stderr, "entra-wizard demo-tenant: %v\n", err)
		return 1
	}
	fmt.Fprintf(env.Stdout, "%s\n", line)
	fmt.Fprintf(env.Stderr, "Demo tenant %q is running at %s. Press Ctrl+C to stop it.\n",
		*scenario, srv.URL())

	<-ctx.Done()
	stopCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(stopCtx); err != nil {
		_ = srv.Close()
	}
	return 0
}

// checkLoopbackAddr accepts host:port addresses on the loopback interface
// only, the ones the demo tenant agrees to listen on.
func checkLoopbackAddr(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q is not a HOST:PORT address such as 127.0.0.1:8080", addr)
	}
	if ip := net.ParseIP(host); host == "localhost" || (ip != nil && ip.IsLoopback()) {
		return nil
	}
	return fmt.Errorf("--addr %q is not a loopback address: the demo tenant listens only on "+
		"this computer (127.0.0.1, ::1 or localhost)", addr)
}

func writeDemoTenantUsage(w io.Writer) {
	fmt.Fprintf(w, demoTenantUsage, scenarioList(), demotenant.ScenarioDefault)
}

func demoTenantUsageError(env Env, problem string) int {
	fmt.Fprintf(env.Stderr, "entra-wizard demo-tenant: %s\n\n", problem)
	writeDemoTenantUsage(env.Stderr)
	return 2
}
