package demotenant

import "github.com/entra-wizard/entra-wizard/demotenant/odata"

// The kinds of directory object Graph lists, with what its query options
// may do with their properties.
var (
	userKind = &odata.Kind{
		Name:      "User",
		ODataType: "#microsoft.graph.user",
		Defaults: []string{"businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone",
			"officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"},
		Properties: []string{"id", "accountEnabled", "assignedLicenses", "businessPhones", "city", "country",
			"createdDateTime", "deletedDateTime", "department", "displayName", "givenName", "jobTitle", "mail",
			"mailNickname", "mobilePhone", "officeLocation", "onPremisesSyncEnabled", "preferredLanguage", "surname",
			"usageLocation", "userPrincipalName", "userType"},
		Filterable: []string{"id", "accountEnabled", "assignedLicenses", "city", "country", "department",
			"displayName", "givenName", "jobTitle", "mail", "mailNickname", "officeLocation", "surname",
			"usageLocation", "userPrincipalName", "userType"},
		Searchable: []string{"displayName", "givenName", "surname", "mail", "mailNickname", "userPrincipalName", "jobTitle", "department"},
		Sortable:   []string{"displayName", "userPrincipalName"},
	}

	groupDefaults = []string{"id", "deletedDateTime", "classification", "createdDateTime", "creationOptions",
		"description", "displayName", "expirationDateTime", "groupTypes", "isAssignableToRole", "mail",
		"mailEnabled", "mailNickname", "membershipRule", "membershipRuleProcessingState", "onPremisesSyncEnabled",
		"preferredDataLocation", "preferredLanguage", "proxyAddresses", "renewedDateTime",
		"resourceBehaviorOptions", "resourceProvisioningOptions", "securityEnabled", "securityIdentifier",
		"theme", "visibility"}
	groupKind = &odata.Kind{
		Name:       "Group",
		ODataType:  "#microsoft.graph.group",
		Defaults:   groupDefaults,
		Properties: groupDefaults,
		Filterable: []string{"id", "description", "displayName", "groupTypes", "mail", "mailEnabled",
			"mailNickname", "securityEnabled", "visibility"},
		Searchable: []string{"displayName", "description", "mail", "mailNickname"},
		Sortable:   []string{"displayName"},
	}

	// directoryObjectKind checks query options on lists that mix users and
	// groups, such as members: a property either type has is allowed.
	directoryObjectKind = odata.Mixed("DirectoryObject", "#microsoft.graph.directoryObject", userKind, groupKind)
)
