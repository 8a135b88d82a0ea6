using System.Collections.Generic;
using System.Management.Automation;
using TokenAdmin.Errors;

namespace TokenAdmin.Hdc;

/// <summary>HDC's ErrorIds and what its statuses mean.</summary>
internal static class HdcErrors
{
    public const string AuthTokenNotFound = "AuthTokenNotFound";
    public const string AuthTokenContextNotFound = "AuthTokenContextNotFound";

    public static ErrorVocabulary Vocabulary { get; } = new("HDC", "Connect-AuthTokenService", new Dictionary<int, StatusMeaning>
    {
        [404] = new(AuthTokenNotFound, ErrorCategory.ObjectNotFound,
            "It may have been revoked already; Get-AuthToken lists the current tokens."),
    });
}
