package demotenant

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// maxMembersPerRequest is how many members one create or update may add
// through members@odata.bind.
const maxMembersPerRequest = 20

// applyGroupChanges sets the properties in body on g and returns the ids
// members@odata.bind adds. creating allows the properties only a new group
// may set.
func (d *directory) applyGroupChanges(g *group, body map[string]any, creating bool) ([]string, error) {
	var members []string
	for key, value := range body {
		var err error
		switch {
		case isAnnotation(key):
		case key == "displayName", key == "description", key == "mailNickname", key == "visibility":
			err = setGroupString(g, key, value)
		case key == "mailEnabled", key == "securityEnabled":
			b, ok := value.(bool)
			if !ok || !creating {
				return nil, errInvalidProperty(key, "Group")
			}
			if key == "mailEnabled" {
				g.MailEnabled = b
			} else {
				g.SecurityEnabled = b
			}
		case key == "groupTypes":
			if !creating {
				return nil, errInvalidProperty(key, "Group")
			}
			g.GroupTypes, err = groupTypes(value)
		case key == "members@odata.bind":
			members, err = d.memberBinds(value)
		case key == "owners@odata.bind":
			_, err = d.memberBinds(value)
		default:
			err = odata.NewError(http.StatusBadRequest, "Request_BadRequest",
				"Property '%s' does not exist as a declared property or extension property.", key)
		}
		if err != nil {
			return nil, err
		}
	}
	return members, nil
}

func setGroupString(g *group, key string, value any) error {
	s, ok := value.(string)
	if !ok && value != nil {
		return errInvalidProperty(key, "Group")
	}
	switch key {
	case "displayName":
		if strings.TrimSpace(s) == "" {
			return errInvalidProperty(key, "Group")
		}
		g.DisplayName = s
	case "description":
		// As for users' properties, Graph refuses an empty description
		// and clears it on null.
		if value != nil && strings.TrimSpace(s) == "" {
			return errInvalidProperty(key, "Group")
		}
		g.Description = s
	case "mailNickname":
		if s == "" || strings.ContainsAny(s, " @()\\[]\";:<>,") {
			return errInvalidProperty(key, "Group")
		}
		g.MailNickname = s
	case "visibility":
		if s != "Public" && s != "Private" && s != "HiddenMembership" {
			return errInvalidProperty(key, "Group")
		}
		g.Visibility = s
	}
	return nil
}

func groupTypes(value any) ([]string, error) {
	list, ok := value.([]any)
	if !ok {
		return nil, errInvalidProperty("groupTypes", "Group")
	}
	out := []string{}
	for _, v := range list {
		if v != "Unified" {
			// Dynamic membership needs a membership rule, which the demo
			// tenant does not evaluate.
			return nil, errInvalidProperty("groupTypes", "Group")
		}
		out = append(out, "Unified")
	}
	return out, nil
}

// memberBinds reads a members@odata.bind list: at most 20 references to
// existing users or groups, each once.
func (d *directory) memberBinds(value any) ([]string, error) {
	list, ok := value.([]any)
	if !ok {
		return nil, errInvalidProperty("members@odata.bind", "Group")
	}
	if len(list) > maxMembersPerRequest {
		return nil, odata.NewError(http.StatusBadRequest, "Request_BadRequest",
			"The request adds %d members; no more than %d members can be added in one request.", len(list), maxMembersPerRequest)
	}
	var ids []string
	seen := map[string]bool{}
	for _, v := range list {
		ref, _ := v.(string)
		id, err := d.referencedObject(ref)
		if err != nil {
			return nil, err
		}
		if seen[id] {
			return nil, errMemberExists
		}
		seen[id] = true
		ids = append(ids, id)
	}
	return ids, nil
}

// bodyReference reads the object a request body's @odata.id names, as
// Graph's $ref requests carry it; what names the object in the refusal of
// a body without one, e.g. "the member to add".
func (c *graphCall) bodyReference(what string) (string, error) {
	var body map[string]any
	if err := c.decodeBody(&body); err != nil {
		return "", err
	}
	ref, _ := body["@odata.id"].(string)
	if ref == "" {
		return "", odata.BadRequest("The request body must hold an '@odata.id' reference to %s.", what)
	}
	return c.s.dir.referencedObject(ref)
}

// referencedObject reads an object reference such as
// https://graph.microsoft.com/v1.0/directoryObjects/{id} and returns the id
// of the user or group it names.
func (d *directory) referencedObject(ref string) (string, error) {
	u, err := url.Parse(ref)
	if err != nil || ref == "" {
		return "", odata.BadRequest("Invalid object identifier '%s'.", ref)
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) < 2 {
		return "", odata.BadRequest("Invalid object identifier '%s'.", ref)
	}
	switch parts[len(parts)-2] {
	case "directoryObjects", "users", "groups":
	default:
		return "", odata.BadRequest("Invalid object identifier '%s'.", ref)
	}
	id := parts[len(parts)-1]
	if d.object(id) == nil {
		return "", errNotFound(id)
	}
	return id, nil
}
