using System;
using System.Collections.Generic;
using System.Management.Automation;
using TokenAdmin.Core.Http;

namespace TokenAdmin.Runtime;

/// <summary>
/// Everything an ErrorRecord needs, as plain data: the seam builds the ErrorRecord in PowerShell,
/// tests assert on this directly (the reference assemblies' ErrorRecord is inert).
/// </summary>
/// <param name="Exception">Carries the detail (for ServiceException: status, service code, request id).</param>
/// <param name="ErrorId">Stable, specific, no spaces or data: "AuthTokenNotFound".</param>
/// <param name="TargetObject">The item the error is about. Never a secret: tokens appear as their fingerprint.</param>
/// <param name="Message">What the user reads; says what to do next. Defaults to the exception's message.</param>
internal sealed record CommandError(Exception Exception, string ErrorId, ErrorCategory Category, object? TargetObject, string? Message = null)
{
    public string DisplayMessage => Message ?? Exception.Message;

    public string? RecommendedAction { get; init; }

    /// <summary>The credentials were refused: every later item would fail the same way, so a run stops instead of repeating the error for each.</summary>
    public bool DoomsLaterItems => ErrorId == Errors.ErrorIds.AuthenticationFailed;

    /// <summary>Items a terminating error left unsent, for <see cref="TokenAdminException.NotAttempted"/>.</summary>
    public IReadOnlyList<object> NotAttempted { get; init; } = Array.Empty<object>();

    public ErrorRecord ToErrorRecord() =>
        new(PublicException(), ErrorId, Category, TargetObject)
        {
            ErrorDetails = new ErrorDetails(DisplayMessage) { RecommendedAction = RecommendedAction },
        };

    /// <summary>
    /// The exception the ErrorRecord carries: always a TokenAdminException (or the more specific
    /// ServiceRequestException), so <c>catch [TokenAdmin.TokenAdminException]</c> catches every error the
    /// module raises. The engine's ServiceException lives in the private load context, where PowerShell's
    /// type resolution never looks, so it is copied into the public types of TokenAdmin.dll; any other
    /// exception (.NET's ArgumentException, IOException, ...) becomes the InnerException.
    /// </summary>
    public Exception PublicException() => Exception switch
    {
        ServiceException { Failure: ServiceFailure.InvalidEndpoint or ServiceFailure.InvalidCredential } => new TokenAdminException(DisplayMessage, ErrorId) { NotAttempted = NotAttempted },
        ServiceException service => new ServiceRequestException(service, DisplayMessage, ErrorId) { NotAttempted = NotAttempted },
        TokenAdminException own when NotAttempted.Count > 0 => new TokenAdminException(DisplayMessage, own.ErrorId, own.InnerException) { NotAttempted = NotAttempted },
        TokenAdminException own => own,
        _ => new TokenAdminException(DisplayMessage, ErrorId, Exception) { NotAttempted = NotAttempted },
    };
}
