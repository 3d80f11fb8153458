// Package demotenant is an embedded, loopback-only simulation of a Microsoft
// Entra ID tenant: the v2.0 sign-in endpoints (token, authorize, admin consent,
// OpenID discovery, JWKS) and a subset of Microsoft Graph v1.0 (organization,
// users, groups, membership, licenses, service principals, deleted items and
// $batch).
//
// It follows Microsoft's documented wire protocol: request and response shapes,
// Entra's AADSTS error JSON, Graph's error JSON and status codes, OData query
// options and paging through @odata.nextLink. Permissions are enforced from the
// roles (app-only) or scp (delegated) claim of the bearer token.
//
// Its scope is what the product sends plus what a demo needs; anything else
// answers as Graph does for unsupported queries (400
// Request_UnsupportedQuery, or Graph's error for a route it lacks). $filter,
// for one, is equality on a filterable property with a quoted string or a
// boolean, clauses joined by "and": the program filters applications by
// displayName, permission grants by clientId, users and groups by simple
// properties such as userType.
//
// The package uses the standard library only and knows nothing of the
// program's own oauth and graph packages, so tests of those packages that run
// against it exercise the real clients over real HTTP.
//
// Start a tenant with Start; the returned Server reports its endpoints and demo
// credentials through Info.
package demotenant
