package demotenant

import (
	"fmt"
	"net/http"
	"strings"
)

// The sign-in failures the demo tenant reproduces, worded as Entra words
// them. Placeholders Entra fills with the request's values are filled the
// same way; accounts are hidden as Entra hides them ({EUII Hidden}).

func errMissingParam(name string) entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 900144,
		fmt.Sprintf("The request body must contain the following parameter: '%s'.", name)}
}

func errUnsupportedGrant(grant string) entraError {
	return entraError{http.StatusBadRequest, "unsupported_grant_type", 70003,
		fmt.Sprintf("The app requested an unsupported grant type '%s'.", grant)}
}

func errMalformedRequest() entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 9002313,
		"Invalid request. Request is malformed or invalid."}
}

func errTenantNotFound(tenant string) entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 90002,
		fmt.Sprintf("Tenant '%s' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.", tenant)}
}

func errTenantMalformed(tenant string) entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 900023,
		fmt.Sprintf("Specified tenant identifier '%s' is neither a valid DNS name, nor a valid external domain.", tenant)}
}

func errNationalCloud(tenant, cloud string) entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 90038,
		fmt.Sprintf("Tenant '%s' request is being redirected to the National Cloud '%s'.", tenant, cloud)}
}

func errNoTenantInfo() entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 50059,
		"No tenant-identifying information found in either the request or implied by any provided credentials."}
}

func errAppNotFound(appID, tenant string) entraError {
	return entraError{http.StatusBadRequest, "unauthorized_client", 700016,
		fmt.Sprintf("Application with identifier '%s' was not found in the directory '%s'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.", appID, tenant)}
}

func errNotMultiTenant(a *app) entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 50194,
		fmt.Sprintf("Application '%s'(%s) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.", a.AppID, a.DisplayName)}
}

func errInvalidSecret(appID string) entraError {
	return entraError{http.StatusUnauthorized, "invalid_client", 7000215,
		fmt.Sprintf("Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '%s'.", appID)}
}

func errExpiredSecret(appID string) entraError {
	return entraError{http.StatusUnauthorized, "invalid_client", 7000222,
		fmt.Sprintf("The provided client secret keys for app '%s' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.", appID)}
}

func errSecretRequired() entraError {
	return entraError{http.StatusUnauthorized, "invalid_client", 7000218,
		"The request body must contain the following parameter: 'client_assertion' or 'client_secret'."}
}

func errPublicClientSecret() entraError {
	return entraError{http.StatusUnauthorized, "invalid_client", 700025,
		"Client is public so neither 'client_assertion' nor 'client_secret' should be presented."}
}

func errNoServicePrincipal(appID, tenantID string) entraError {
	return entraError{http.StatusUnauthorized, "invalid_client", 7000229,
		fmt.Sprintf("The client application %s is missing service principal in the tenant %s. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119", appID, tenantID)}
}

func errScopeMissing() entraError {
	return entraError{http.StatusBadRequest, "invalid_scope", 70011,
		"The provided request must include a 'scope' input parameter."}
}

func errScopeInvalid(scope string) entraError {
	return entraError{http.StatusBadRequest, "invalid_scope", 70011,
		fmt.Sprintf("The provided value for the input parameter 'scope' is not valid. The scope %s is not valid.", scope)}
}

func errScopeNotDefault(scope string) entraError {
	return entraError{http.StatusBadRequest, "invalid_scope", 1002012,
		fmt.Sprintf("The provided value for scope %s is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).", scope)}
}

func errRedirectMismatch(uri, appID string) entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 50011,
		fmt.Sprintf("The redirect URI '%s' specified in the request does not match the redirect URIs configured for the application '%s'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.", uri, appID)}
}

func errConsentMissing(a *app) entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 65001,
		fmt.Sprintf("The user or administrator has not consented to use the application with ID '%s' named '%s'. Send an interactive authorization request for this user and resource.", a.AppID, a.DisplayName)}
}

func errAdminApprovalRequired() entraError {
	return entraError{http.StatusBadRequest, "access_denied", 90094,
		"The grant requires admin permission."}
}

func errConsentDeclined() entraError {
	return entraError{http.StatusBadRequest, "access_denied", 65004,
		"User declined to consent to access the app."}
}

func errUnknownUser(tenantDomain string) entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 50034,
		fmt.Sprintf("The user account {EUII Hidden} does not exist in the %s directory. To sign into this application, the account must be added to the directory.", tenantDomain)}
}

func errUserNotInTenant(a *app, tenantID string) entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 50020,
		fmt.Sprintf("User account '{EUII Hidden}' from identity provider 'live.com' does not exist in tenant '%s' and cannot access the application '%s'(%s) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Microsoft Entra user account.", tenantID, a.AppID, a.DisplayName)}
}

func errWrongPassword() entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 50126,
		"Error validating credentials due to invalid username or password."}
}

func errUserDisabled() entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 50057,
		"The user account is disabled."}
}

// errUnsupportedResponseType refuses a response type other than code: the
// demo apps have the implicit grant turned off.
func errUnsupportedResponseType(rt string) entraError {
	code := 70005
	switch {
	case rt == "token":
		code = 700051
	case strings.Contains(rt, "id_token"):
		code = 700054
	}
	return entraError{http.StatusBadRequest, "unsupported_response_type", code,
		fmt.Sprintf("response_type '%s' is not enabled for the application.", rt)}
}

func errPKCEMethod(method string) entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 9002313,
		fmt.Sprintf("Invalid request. Request is malformed or invalid. - The reason: code_challenge_method '%s' is not accepted; use S256.", method)}
}

func errCodeRedeemed() entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 54005,
		"OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."}
}

func errCodeExpired() entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 70008,
		"The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource."}
}

func errCodeMismatch(what string) entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 9002313,
		fmt.Sprintf("Invalid request. Request is malformed or invalid. - The reason: the %s does not match the authorization request.", what)}
}

func errVerifierMismatch() entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 501481,
		"The Code_Verifier does not match the code_challenge supplied in the authorization request."}
}

func errGrantRevoked() entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 70000,
		"Provided grant is invalid or malformed."}
}

func errRefreshExpired(issued string) entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 700082,
		fmt.Sprintf("The refresh token has expired due to inactivity. The token was issued on %s and was inactive for 90.00:00:00.", issued)}
}

func errFlowExpired() entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 50089,
		"Authentication failed due to flow token expired. Sign in again."}
}

func errNoAccountTyped(tenantDomain string) entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 900144,
		fmt.Sprintf("Enter the account to sign in with, for example admin@%s.", tenantDomain)}
}

func errPostOnly(method string) entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 900561,
		fmt.Sprintf("The endpoint only accepts POST requests. Received a %s request.", method)}
}

func errLoginRequired() entraError {
	return entraError{http.StatusBadRequest, "login_required", 50058,
		"A silent sign-in request was sent but no user is signed in."}
}

func errNoReplyAddress() entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 500113,
		"No reply address is registered for the application."}
}

func errBlockedByConditionalAccess() entraError {
	return entraError{http.StatusBadRequest, "access_denied", 53003,
		"Access has been blocked by Conditional Access policies. The access policy does not allow token issuance."}
}

// errMFARequired refuses a grant whose sign-in lacked the multifactor
// authentication a policy asks for; resource is the app ID of the API.
func errMFARequired(resource string) entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 50076,
		fmt.Sprintf("Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '%s'.", resource)}
}

// errSessionsRevoked is Entra's answer to a refresh token issued before
// the user's sessions were revoked (or the password changed).
func errSessionsRevoked(issued, validFrom string) entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 50173,
		fmt.Sprintf("The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '%s' and the TokensValidFrom date (before which tokens are not valid) for this user is '%s'.", issued, validFrom)}
}
