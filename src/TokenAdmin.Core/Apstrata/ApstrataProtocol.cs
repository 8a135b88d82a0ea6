using System;
using System.Linq;
using TokenAdmin.Core.Redaction;

namespace TokenAdmin.Core.Apstrata;

/// <summary>
/// apstrata REST API, VerifyCredentials and DeleteToken (SERVICES.md §2): the protocol's values the
/// code reads. [doc] = the vendor's documentation; [SDK] = what the official SDKs do; [assume] =
/// TokenAdmin's documented assumption, named in README.md.
/// </summary>
public static class ApstrataProtocol
{
    /// <summary>[doc] {base}/apsdb/rest/{authKey}/{Action}.</summary>
    public const string RestPathFormat = "apsdb/rest/{0}/{1}";

    /// <summary>
    /// The service root a base URL names: the SDKs' form, which ends in /apsdb/rest (their
    /// "https://sandbox.apstrata.com/apsdb/rest"), names the same service as the host alone, so that
    /// suffix is dropped; any other path is kept, with a trailing slash.
    /// </summary>
    public static Uri ServiceRoot(Uri baseUri)
    {
        var path = baseUri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/apsdb/rest", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^"apsdb/rest".Length];
        }

        return new UriBuilder(baseUri) { Path = path.EndsWith('/') ? path : path + "/" }.Uri;
    }

    public const string VerifyCredentialsAction = "VerifyCredentials";

    public const string DeleteTokenAction = "DeleteToken";

    /// <summary>[doc] Common parameters.</summary>
    public const string TimeParameter = "apsws.time";

    public const string SignatureParameter = "apsws.authSig";

    public const string AuthModeParameter = "apsws.authMode";

    public const string UserParameter = "apsws.user";

    public const string ResponseTypeParameter = "apsws.responseType";

    public const string TokenParameter = "apsdb.authToken";

    /// <summary>[doc] VerifyCredentials: apsdb.action=generate|renew, with apsdb.tokenExpires and apsdb.tokenLifetime in seconds.</summary>
    public const string TokenActionParameter = "apsdb.action";

    public const string TokenExpiresParameter = "apsdb.tokenExpires";

    public const string TokenLifetimeParameter = "apsdb.tokenLifetime";

    /// <summary>[doc] DeleteToken by the owner: repeated userList=&lt;login&gt;, at most 100 per request.</summary>
    public const string UserListParameter = "userList";

    public const int MaxUsersPerRequest = 100;

    /// <summary>[doc] apsdb.tokenExpires: default 1800 s, at most 86400 s; apsdb.tokenLifetime default 7200 s.</summary>
    public const int MaxTokenExpiresSeconds = 86400;

    /// <summary>[doc] Simple signatures are named; complex ones are the default and [SDK] send no authMode.</summary>
    public const string SimpleAuthMode = "simple";

    /// <summary>[assume] Ask for JSON (XML is the default); both are parsed.</summary>
    public const string JsonResponseType = "json";

    /// <summary>
    /// [assume] In a complex user signature the Java SDK signs apsws.user unencoded while encoding
    /// everything else; the docs and the PHP SDK encode every value, and so does TokenAdmin when asked
    /// for -SignatureMode Complex. The two agree for logins of A-Z a-z 0-9 . - _ only, and the real
    /// service's rule is unknown, so a user's requests are signed Simple by default (see
    /// <see cref="DefaultUserSigning"/>), where every vendor client agrees.
    /// </summary>
    public const bool EncodeUserInSignature = true;

    /// <summary>
    /// [SDK] The Java SDK's token flow (TokenConnection) and the Dojo SDK's request builders sign a user's
    /// requests Simple; the owner's complex and simple signatures agree in every client.
    /// </summary>
    public const ApstrataSigningMode DefaultUserSigning = ApstrataSigningMode.Simple;

    public const ApstrataSigningMode DefaultOwnerSigning = ApstrataSigningMode.Complex;

    /// <summary>
    /// [assume] A login is 1 to 255 characters with no control character (NUL, line feed) and no
    /// whitespace at either end: apstrata publishes no rule, and such a login can only be a pasting
    /// mistake (" bob" is another user than "bob"; a line feed would split a logged line).
    /// </summary>
    public const int MaxLoginLength = 255;

    /// <summary>Why <paramref name="login"/> cannot be an apstrata login (see <see cref="MaxLoginLength"/>), or null when it can.</summary>
    public static string? LoginProblem(string? login) => login switch
    {
        null or "" => "a login is not empty",
        _ when login.Length > MaxLoginLength => $"a login is at most {MaxLoginLength} characters (this one has {login.Length})",
        _ when login.Any(char.IsControl) => "a login has no line break, NUL or other control character",
        _ when char.IsWhiteSpace(login[0]) || char.IsWhiteSpace(login[^1]) => "a login has no space at either end",
        _ => null,
    };

    /// <summary>[doc] DeleteToken: "could not find the token". After an attempt whose outcome is unknown, it means that attempt deleted it.</summary>
    public const string InvalidTokenCode = "INVALID_TOKEN";

    /// <summary>[doc] The response's status values; a failure may arrive with HTTP 200.</summary>
    public const string SuccessStatus = "success";

    public const string FailureStatus = "failure";

    /// <summary>[doc] errorDetail; one SDK reads errorMessage: both are accepted.</summary>
    public static readonly string[] ErrorMessageFields = { "errorDetail", "errorMessage" };

    /// <summary>Fields that may appear in -Debug bodies and error excerpts. Tokens and signatures never do.</summary>
    public static RedactionRules Redaction { get; } = new(
        new[] { "response", "metadata", "requestId", "status", "errorCode", "errorDetail", "errorMessage", "result", TokenExpiresParameter, TokenLifetimeParameter, TokenActionParameter, UserListParameter, UserParameter, ResponseTypeParameter },
        new[] { TimeParameter, AuthModeParameter, UserParameter, ResponseTypeParameter },
        System.Array.Empty<string>());
}
