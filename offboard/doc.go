// Package offboard takes a leaving user's access away in steps (block
// sign-in, sign out everywhere, reset the password, remove licenses, group
// memberships and group ownerships) and can undo it. Before it removes
// anything it saves a record of what it takes, in the config folder, so an
// interrupted run resumes and Undo puts back exactly what was removed. The
// window and the command line share it; it has no user interface.
package offboard
