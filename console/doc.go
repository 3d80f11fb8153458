// Package console lets the command line work from a terminal on Windows.
//
// The Windows build is a GUI-subsystem program (linked with -H windowsgui) so
// that double-clicking it opens the window without a console flashing up.
// Windows gives such a program no console: started from cmd.exe or
// PowerShell, its standard output and error lead nowhere and "status --json"
// would print nothing. Attach joins the console of the terminal that started
// the program, for the streams that are not already redirected to a pipe or
// a file, so commands print where the admin typed them. On other systems it
// does nothing.
package console
