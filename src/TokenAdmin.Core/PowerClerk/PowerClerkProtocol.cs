using System.Text.RegularExpressions;
using TokenAdmin.Core.Redaction;

namespace TokenAdmin.Core.PowerClerk;

/// <summary>
/// PowerClerk "Application &amp; Process Automation" API, MFA session tokens (SERVICES.md §1): the
/// protocol's values the code reads. [doc] = the vendor's documentation states it; [assume] =
/// TokenAdmin's documented assumption, named in README.md.
/// </summary>
public static class PowerClerkProtocol
{
    /// <summary>[doc] POST creates an MST; DELETE {TokenId} below it deletes one.</summary>
    public const string MfaSessionTokensPath = "Accounts/MfaSessionTokens";

    /// <summary>[doc] The API key travels in this header on every request.</summary>
    public const string ApiKeyHeader = "X-ApiKey";

    /// <summary>[assume] The second factor travels in one of these headers.</summary>
    public const string SessionTokenHeader = "X-MfaSessionToken";

    public const string TotpHeader = "X-MfaTotp";

    /// <summary>[doc] &lt;CreateMfaSessionTokenRequest ExpiresAfterMinutes="60" /&gt;, no required inputs.</summary>
    public const string CreateRequestElement = "CreateMfaSessionTokenRequest";

    public const string ExpiresAfterMinutesAttribute = "ExpiresAfterMinutes";

    /// <summary>[assume] Success is 200 or 201 with &lt;CreateMfaSessionTokenResponse TokenId Token ExpiresAt /&gt;, values as attributes or child elements.</summary>
    public const string CreateResponseElement = "CreateMfaSessionTokenResponse";

    public const string TokenIdField = "TokenId";

    public const string TokenField = "Token";

    public const string ExpiresAtField = "ExpiresAt";

    /// <summary>[assume] ExpiresAfterMinutes from 1 to a day (the docs give 60 as the example and no bounds).</summary>
    public const int MaxExpiresAfterMinutes = 1440;

    /// <summary>[doc] Sample TokenId RXKVCEZTR0GN (12 upper-case alphanumerics). [assume] Letters and digits only, at most 64: nothing else may reach the URL path.</summary>
    public static readonly Regex TokenIdPattern = new(@"\A[A-Za-z0-9]{1,64}\z", RegexOptions.CultureInvariant); // \z: "$" would let a final line feed through

    /// <summary>[doc] Authenticator-app codes: RFC 6238, SHA-1, 30-second steps, 6 digits.</summary>
    public const int TotpStepSeconds = 30;

    public const int TotpDigits = 6;

    /// <summary>
    /// [assume] A TOTP seed shorter than 80 bits (10 bytes, 16 base32 characters) is refused: no authenticator app
    /// issues one, so it is a truncated paste. Below RFC 4226's 128 bits (16 bytes) the connection warns.
    /// </summary>
    public const int MinTotpSeedBytes = 10;

    public const int RecommendedTotpSeedBytes = 16;

    /// <summary>[assume] Error bodies may be XML (&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;, any names' case), text or empty.</summary>
    public static readonly string[] ErrorCodeFields = { "Code", "ErrorCode" };

    /// <summary>[assume] The code of a 401 to a request without a second factor from an account with MFA.</summary>
    public const string MfaRequiredCode = "MFA_REQUIRED";

    public static readonly string[] ErrorMessageFields = { "Message", "ErrorMessage", "Error", "Description" };

    /// <summary>Fields that may appear in -Debug bodies and error excerpts. "Token" is never among them.</summary>
    public static RedactionRules Redaction { get; } = RedactionRules.ForFields(
        CreateRequestElement, CreateResponseElement, ExpiresAfterMinutesAttribute, TokenIdField, ExpiresAtField,
        "Error", "Code", "ErrorCode", "Message", "ErrorMessage", "Description");
}
