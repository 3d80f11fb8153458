// Package changefeed reports what changed in a tenant's users and groups
// since the last look, as events (user created, group updated with its
// members, ...), for the command line and the panel.
//
// It runs Microsoft Graph delta rounds through the graph package and keeps,
// per saved connection and per reader, the delta link each round ended at
// and the ids and names of the objects seen, in a small file beside the
// settings. The first poll records a baseline and reports nothing; later
// polls report only what changed, and the stored link advances only once
// the caller has taken the events, so an interrupted poll loses and repeats
// nothing. An expired link starts a new baseline, and the report says so.
package changefeed
