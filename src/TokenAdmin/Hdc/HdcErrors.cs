using System.Collections.Generic;
using System.Management.Automation;
using TokenAdmin.Errors;

namespace TokenAdmin.Hdc;

/// <summary>HDC's ErrorIds and what its statuses mean.</summary>
internal static class HdcErrors
{
    public const string AuthTokenNotFound = "AuthTokenNotFound";

    /// <summary>Get-AuthTokenContext -Name: no such context (like Get-Item on a missing path).</summary>
    public const string AuthTokenContextNotFound = "AuthTokenContextNotFound";

    /// <summary>New-/Set-AuthToken -Context: a value that names no context (refused before sending).</summary>
    public const string InvalidAuthTokenContext = "InvalidAuthTokenContext";

    /// <summary>For connecting and listing: a 404 there means the base URL is wrong.</summary>
    public static ErrorVocabulary Vocabulary { get; } = new("HDC", "Connect-AuthTokenService", new Dictionary<int, StatusMeaning>
    {
        [404] = new(ErrorIds.NotFound, ErrorCategory.ObjectNotFound,
            "Check that the base URL is the tenant's HDC URL (the API paths api/authtokens... are relative to it)."),
    });

    /// <summary>For updating and revoking one token: a 404 means that token does not exist (any more).</summary>
    public static ErrorVocabulary TokenVocabulary { get; } = new("HDC", "Connect-AuthTokenService", new Dictionary<int, StatusMeaning>
    {
        [404] = new(AuthTokenNotFound, ErrorCategory.ObjectNotFound,
            "It may have been revoked already; Get-AuthToken lists the current tokens."),
    });
}
