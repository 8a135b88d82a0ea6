using System;
using TokenAdmin.Core.Redaction;

namespace TokenAdmin.Core.SecurId;

/// <summary>
/// RSA SecurID Cloud Administration API: everything TokenAdmin knows or assumes, in one place
/// (SERVICES.md §3). [doc] = stated by RSA's documentation; [assume] = TokenAdmin's assumption,
/// named in README.md.
/// </summary>
public static class SecurIdProtocol
{
    /// <summary>[doc] POST {"tokenSerialNumber"} → 200 token details. Reads only, so repeating it is harmless.</summary>
    public const string LookupPath = "v1/sidTokens/lookup";

    /// <summary>[doc] DELETE with a JSON BODY {"tokenSerialNumber"} → 200 (token details).</summary>
    public const string DeletePath = "v1/sidTokens/delete";

    /// <summary>[doc] The serial printed on the back of a SecurID 700: required, at most 36 characters.</summary>
    public const int MaxSerialNumberLength = 36;

    /// <summary>[doc] JWT header; anything else is refused with 403.</summary>
    public const string JwtHeaderJson = """{"typ":"JWT","alg":"RS256"}""";

    /// <summary>[doc] exp at most one hour after iat (the service allows ±60 s of clock skew).</summary>
    public static readonly TimeSpan MaxJwtLifetime = TimeSpan.FromHours(1);

    /// <summary>[assume] 30 minutes by default: well inside the limit even with a skewed clock.</summary>
    public static readonly TimeSpan DefaultJwtLifetime = TimeSpan.FromMinutes(30);

    /// <summary>A JWT is reused until this close to its expiry, then a new one is minted.</summary>
    public static readonly TimeSpan JwtRefreshMargin = TimeSpan.FromMinutes(2);

    /// <summary>[doc] Key file fields. [assume] customerName and description are descriptive: optional.</summary>
    public const string AccessIdField = "accessID";
    public const string AccessKeyField = "accessKey";
    public const string AdminRestApiUrlField = "adminRestApiUrl";
    public const string CustomerNameField = "customerName";
    public const string DescriptionField = "description";

    /// <summary>
    /// [assume] The key file does not name the key's role; the Cloud Administration Console's
    /// description usually does. Read from it, case-insensitively; otherwise the role is unknown.
    /// </summary>
    public static SecurIdKeyRole RoleFromDescription(string? description) =>
        description is null ? SecurIdKeyRole.Unknown
        : description.Contains("Super Admin", StringComparison.OrdinalIgnoreCase) ? SecurIdKeyRole.SuperAdministrator
        : description.Contains("Help Desk", StringComparison.OrdinalIgnoreCase) ? SecurIdKeyRole.HelpDeskAdministrator
        : SecurIdKeyRole.Unknown;

    /// <summary>[assume] Errors are JSON with one of "message", "errorMessage" or "error", and maybe "code".</summary>
    public static readonly string[] ErrorMessageFields = { "message", "errorMessage", "error", "description" };

    public static readonly string[] ErrorCodeFields = { "code", "errorCode", "status" };

    /// <summary>Fields that may appear in -Debug bodies and error excerpts (token details are not secrets).</summary>
    public static RedactionRules Redaction { get; } = RedactionRules.ForFields(
        "tokenSerialNumber", "deviceType", "tokenStatus", "userId", "assignedBy", "assignedAt", "registeredDate",
        "tokenStatusChangedAt", "expiryDate", "name", "pinSet", "tokenName", "message", "errorMessage", "error",
        "code", "errorCode", "status", "description");
}
