using System.Collections.Generic;
using System.Management.Automation;
using TokenAdmin.Errors;

namespace TokenAdmin.Apstrata;

/// <summary>apstrata's ErrorIds: every documented code mapped to a stable ErrorId and category.</summary>
internal static class ApstrataErrors
{
    public const string ApstrataInvalidToken = "ApstrataInvalidToken";
    public const string ApstrataInvalidUserList = "ApstrataInvalidUserList";
    public const string ApstrataUserListRequired = "ApstrataUserListRequired";
    public const string ApstrataUserTokenRequired = "ApstrataUserTokenRequired";
    public const string ApstrataInvalidParameter = "ApstrataInvalidParameter";
    public const string ApstrataMalformedReferer = "ApstrataMalformedReferer";
    public const string ApstrataInternalError = "ApstrataInternalError";

    /// <summary>A command used on the wrong kind of connection (owner, user, token); nothing was sent.</summary>
    public const string ApstrataWrongConnection = "ApstrataWrongConnection";

    public static ErrorVocabulary Vocabulary { get; } = new("apstrata", "Connect-Apstrata", null, new Dictionary<string, StatusMeaning>
    {
        ["INVALID_TOKEN"] = new(ApstrataInvalidToken, ErrorCategory.ObjectNotFound, "The token is unknown, expired or past its lifetime; generate a new one with New-ApstrataToken on a user connection."),
        ["INVALID_SIGNATURE"] = new(ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError,
            "Check the auth key and secret (or the user's password), and this computer's clock (apsws.time is signed); try -SignatureMode Simple if the account expects it."),
        ["INVALID_USERLIST"] = new(ApstrataInvalidUserList, ErrorCategory.LimitsExceeded, "A request names at most 100 logins."),
        ["USERLIST_REQUIRED"] = new(ApstrataUserListRequired, ErrorCategory.InvalidArgument, "On an owner connection, name the users with -UserLogin."),
        ["USER_TOKEN_REQUIRED"] = new(ApstrataUserTokenRequired, ErrorCategory.InvalidArgument, "A user deletes a token by using it: connect with -User and -Token."),
        ["INVALID_PARAMETER"] = new(ApstrataInvalidParameter, ErrorCategory.InvalidArgument, "A parameter is not allowed here (the owner may not send a token, a user may not send a user list)."),
        ["MALFORMED_REFERER"] = new(ApstrataMalformedReferer, ErrorCategory.InvalidArgument, "The Referer header is not a URL; check any proxy that sets it."),
        ["INTERNAL_ERROR"] = new(ApstrataInternalError, ErrorCategory.InvalidResult, "The service failed to update the user; try again later."),
    });

    /// <summary>A login that cannot be one (" ", a line feed, too long): refused alone, nothing sent for it.</summary>
    public static Runtime.CommandError NotALogin(string login, string problem) =>
        new(new TokenAdminException($"'{Core.Text.EchoedText.Of(login)}' is not an apstrata login ({problem}, at most {Core.Apstrata.ApstrataProtocol.MaxLoginLength} characters); nothing was sent for it.", ErrorIds.InvalidArgument),
            ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, login);
}
