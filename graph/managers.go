package graph

// needSetManager sets or clears a user's manager (Microsoft Graph's
// "Assign manager" and "Delete manager" references, least privileged
// first).
var needSetManager = []string{"User.ReadWrite.All", "Directory.ReadWrite.All"}
