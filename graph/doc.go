// Package graph performs directory operations on Microsoft Graph for the rest
// of the program: the connection test and its permission diagnosis, users,
// groups, membership and licenses.
//
// It is the only package that sees msgraph-sdk-go. Callers get small domain
// types (User, Group, SKU, Report) and typed errors (*Error) with Graph's code
// and a plain-words message; paging, batching and throttling are handled here.
// Throttled and busy answers are resent by its own retry middleware in the
// SDK's chain, honouring Retry-After; every wait goes through Config.Clock,
// so tests need not sleep. It uses the token source it is given (package
// connection builds it) and builds none of its own.
package graph
