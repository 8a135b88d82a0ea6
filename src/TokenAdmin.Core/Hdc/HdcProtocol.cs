using TokenAdmin.Core.Redaction;

namespace TokenAdmin.Core.Hdc;

/// <summary>
/// bim.cloud "HDC" authentication-token resource: everything TokenAdmin knows or assumes about
/// the protocol, in one place (SERVICES.md §4). [doc] = the vendor's documentation states it;
/// [assume] = TokenAdmin's documented assumption, named in README.md. A tenant that differs
/// needs a one-line change here.
/// </summary>
public static class HdcProtocol
{
    /// <summary>[doc] GET → {"list":[TokenInfoTO...]}.</summary>
    public const string ListTokensPath = "api/authtokens/json";

    /// <summary>[doc] GET → {"list":[{"code":1,"name":".."}]}.</summary>
    public const string ListContextsPath = "api/authtokens/context/json";

    /// <summary>[doc] POST (create, 201 {}), PUT (update, 204), DELETE with a JSON body (revoke, 204).</summary>
    public const string TokensPath = "api/authtokens";

    /// <summary>[doc] Create answers 201 with body {}: the new token's value is NOT returned.
    /// [assume] TokenAdmin finds it by listing the user's tokens before and after, and picks the one
    /// new token whose contexts equal the requested ones.</summary>
    public const bool CreateReturnsToken = false;

    /// <summary>[assume] Clients authenticate with HTTP Basic or "Authorization: Bearer" (not published).</summary>
    public const string AuthenticationAssumption = "HTTP Basic (PSCredential) or Authorization: Bearer (SecureString access token)";

    /// <summary>[assume] A failure is a 4xx/5xx with {"success":false,"errorCode":"..","message":".."}.</summary>
    public const string ErrorCodeField = "errorCode";

    public const string ErrorMessageField = "message";

    /// <summary>[doc] HdcSuccessTO has a boolean "success". [assume] A 2xx answer to a write is success
    /// when its body is empty or a JSON object whose "success" is not false; anything else (an HTML
    /// login page, malformed JSON, "success": false) is an UnexpectedResponse.</summary>
    public const string SuccessField = "success";

    /// <summary>[assume] Context names compare case-sensitively on the service (a Java backend);
    /// TokenAdmin matches what the user typed case-insensitively and sends the service's spelling.</summary>
    public const bool ContextNamesCaseSensitive = true;

    /// <summary>[assume] No context name contains a comma, so "ReadDocuments,UploadDocuments" in one
    /// -Context value (a CSV cell, a report written with -join ',') names two contexts.</summary>
    public const char ContextListSeparator = ',';

    /// <summary>[assume] TokenInfoTO.lastUpdate, when present, is epoch milliseconds (a Java long) or an ISO 8601 string.</summary>
    public const string LastUpdateFormats = "epoch milliseconds or ISO 8601";

    /// <summary>Fields that may appear in -Debug bodies and error excerpts. "token" is never among them.</summary>
    public static RedactionRules Redaction { get; } = RedactionRules.ForFields(
        "list", "context", "contextAsCodesArray", "name", "code", "userId", "userFullName", "currentUserId",
        "lastUpdate", "success", "errorCode", "message", "error", "status", "path", "timestamp");
}
