using TokenAdmin.Core.Redaction;

namespace TokenAdmin.Core.Hdc;

/// <summary>
/// bim.cloud "HDC" authentication-token resource: the protocol's values the code reads, in one
/// place (SERVICES.md §4). Assumptions that are behaviour rather than a value are stated where that
/// behaviour is: finding a created token (HdcCreation), Basic or Bearer (Connect-AuthTokenService),
/// matching context names (HdcContextResolver), reading lastUpdate (HdcJson.ReadTokensAsync). [doc] = the vendor's documentation states it;
/// [assume] = TokenAdmin's documented assumption, named in README.md. A tenant that differs
/// needs a one-line change here.
/// </summary>
public static class HdcProtocol
{
    /// <summary>[doc] GET → {"list":[TokenInfoTO...]}.</summary>
    public const string ListTokensPath = "api/authtokens/json";

    /// <summary>[doc] Both listings are {"list":[...]}; read in any case, like every HDC name.</summary>
    public const string ListProperty = "list";

    /// <summary>
    /// [assume] The most tokens one listing may hold before TokenAdmin calls it malformed: far above
    /// any tenant, yet a bound on a service that never ends its list (the listing is streamed, so
    /// it is bounded by count and by -TimeoutSec rather than by its size in bytes).
    /// </summary>
    public const long MaxListedTokens = 50_000_000;

    /// <summary>[doc] GET → {"list":[{"code":1,"name":".."}]}.</summary>
    public const string ListContextsPath = "api/authtokens/context/json";

    /// <summary>[doc] POST (create, 201 {}), PUT (update, 204), DELETE with a JSON body (revoke, 204).</summary>
    public const string TokensPath = "api/authtokens";

    /// <summary>[assume] A failure is a 4xx/5xx with {"success":false,"errorCode":"..","message":".."}.</summary>
    public const string ErrorCodeField = "errorCode";

    public const string ErrorMessageField = "message";

    /// <summary>[doc] HdcSuccessTO has a boolean "success". [assume] A 2xx answer to a write is success
    /// when its body is empty or a JSON object whose "success" is not false; anything else (an HTML
    /// login page, malformed JSON, "success": false) is an UnexpectedResponse.</summary>
    public const string SuccessField = "success";

    /// <summary>[assume] No context name contains a comma, so "ReadDocuments,UploadDocuments" in one
    /// -Context value (a CSV cell, a report written with -join ',') names two contexts.</summary>
    public const char ContextListSeparator = ',';

    /// <summary>Fields that may appear in -Debug bodies and error excerpts. "token" is never among them.</summary>
    public static RedactionRules Redaction { get; } = RedactionRules.ForFields(
        "list", "context", "contextAsCodesArray", "name", "code", "userId", "userFullName", "currentUserId",
        "lastUpdate", "success", "errorCode", "message", "error", "status", "path", "timestamp");
}
