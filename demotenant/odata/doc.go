// Package odata reads the OData query options of Microsoft Graph collection
// requests ($select, $filter, $search, $orderby, $top, $count and
// $skiptoken), cuts pages of a list that honour them, and writes objects as
// Graph's ordered JSON. Refusals are Graph's error answers (Error), with
// Graph's codes and messages.
//
// It knows objects only through Entity and Kind: which properties a type
// has, and which of them the query options may name. It knows nothing of
// the directory that holds the objects nor of the server that answers.
package odata
