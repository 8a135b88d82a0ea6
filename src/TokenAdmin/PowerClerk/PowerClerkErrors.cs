using System.Collections.Generic;
using System.Management.Automation;
using TokenAdmin.Errors;

namespace TokenAdmin.PowerClerk;

/// <summary>PowerClerk's ErrorIds and what its statuses and error codes mean.</summary>
internal static class PowerClerkErrors
{
    public const string MfaSessionTokenNotFound = "MfaSessionTokenNotFound";

    /// <summary>Remove-MfaSessionToken without -TokenId on a connection that holds no MST.</summary>
    public const string NoMfaSessionToken = "NoMfaSessionToken";

    private static readonly StatusMeaning BadCredentials = new(ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError,
        "Check the user name and password, then run Connect-PowerClerk again.");

    /// <summary>
    /// [assume] A 401 may be about the credentials, the API key or the second factor; codes the
    /// service may send say which (the ErrorId stays AuthenticationFailed: every later item would fail too).
    /// </summary>
    public static ErrorVocabulary Vocabulary { get; } = new("PowerClerk", "Connect-PowerClerk",
        new Dictionary<int, StatusMeaning>
        {
            [404] = new(MfaSessionTokenNotFound, ErrorCategory.ObjectNotFound,
                "Check the TokenId; it may have been removed already or replaced by a newer MFA session token (creating one deletes the previous)."),
        },
        new Dictionary<string, StatusMeaning>
        {
            ["INVALID_CREDENTIALS"] = BadCredentials,
            ["INVALID_API_KEY"] = new(ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError,
                "The API key (-ApiKey) was refused: check it, then run Connect-PowerClerk again."),
            ["MFA_REQUIRED"] = new(ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError,
                "The account uses MFA: connect with -TotpSecret, or pass -TotpCode and create an MFA session token with New-MfaSessionToken."),
            ["INVALID_MFA"] = new(ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError,
                "The second factor was refused: a one-time code may be wrong, used already or from a clock that is off; an MFA session token may have expired or been replaced. Create a new one with New-MfaSessionToken -TotpCode."),
        });
}
