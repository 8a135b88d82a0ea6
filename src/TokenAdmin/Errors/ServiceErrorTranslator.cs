using System;
using System.Management.Automation;
using TokenAdmin.Commands;
using TokenAdmin.Core.Http;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Errors;

/// <summary>
/// Turns core failures into <see cref="CommandError"/>s: stable ErrorId, specific category, and a
/// message that names what failed, and what to do next as RecommendedAction. The ErrorRecord carries
/// a <see cref="ServiceRequestException"/>, so scripts can read <c>$_.Exception.StatusCode</c>,
/// <c>.ServiceErrorCode</c> and <c>.RequestId</c>.
/// </summary>
internal static class ServiceErrorTranslator
{
    public static CommandError Translate(ServiceException exception, object? target, ErrorVocabulary vocabulary)
    {
        // The message says what failed for which item; the advice is said once, as RecommendedAction
        // (PowerShell shows it below the message), so a bulk run does not repeat it in every line.
        var meaning = Meaning(exception, vocabulary);
        return new CommandError(exception, meaning.ErrorId, meaning.Category, target)
        {
            RecommendedAction = meaning.NextStep.Length == 0 ? null : meaning.NextStep,
        };
    }

    /// <summary>Argument problems the core finds before sending (a user id of 0, an empty token).</summary>
    public static CommandError InvalidArgument(ArgumentException exception, object? target) =>
        new(exception, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, target, StripParameterName(exception));

    private static StatusMeaning Meaning(ServiceException exception, ErrorVocabulary vocabulary)
    {
        // The service's own code says most (and is all a failure inside a 2xx has).
        if (exception.Failure is ServiceFailure.HttpStatus or ServiceFailure.ReportedInSuccess
            && exception.ServiceErrorCode is { } code && vocabulary.Codes.TryGetValue(code, out var byCode))
        {
            return byCode;
        }

        var service = vocabulary.ServiceName;
        var reconnect = $"run {vocabulary.ConnectCommand} again";
        switch (exception.Failure)
        {
            case ServiceFailure.Timeout:
                return new(ErrorIds.RequestTimeout, ErrorCategory.OperationTimeout,
                    $"Try again later, or raise -TimeoutSec ({reconnect} with it).");
            case ServiceFailure.ConnectionFailed:
                return new(ErrorIds.ConnectionFailed, ErrorCategory.ConnectionError,
                    "Check the base URL, the network and any -Proxy, then try again.");
            case ServiceFailure.CertificateRejected:
                return new(ErrorIds.CertificateRejected, ErrorCategory.SecurityError,
                    "Install the service's CA certificate, or correct the host name in the base URL.");
            case ServiceFailure.Redirected:
                return new(ErrorIds.UnexpectedRedirect, ErrorCategory.ProtocolError,
                    $"Point the base URL at the {service} API itself and {reconnect}.");
            case ServiceFailure.UnexpectedResponse:
            case ServiceFailure.ReportedInSuccess:
                return new(ErrorIds.UnexpectedResponse, ErrorCategory.InvalidResult,
                    $"Check that the base URL points at the {service} API itself (not a login page or a proxy), then check the item's state before trying again.");
            case ServiceFailure.ResponseTooLarge:
                return new(ErrorIds.ResponseTooLarge, ErrorCategory.LimitsExceeded,
                    $"Check that the base URL points at the {service} API; it sent more than any answer TokenAdmin expects.");
            case ServiceFailure.InvalidEndpoint:
                return new(ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument, string.Empty);
            case ServiceFailure.InvalidCredential:
                return new(ErrorIds.InvalidCredential, ErrorCategory.InvalidArgument, string.Empty);
        }

        var status = exception.StatusCode ?? 0;
        if (vocabulary.Statuses.TryGetValue(status, out var specific))
        {
            return specific;
        }

        return status switch
        {
            400 => new(ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, "Check the values passed."),
            401 => new(ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError,
                $"Check the credentials and {reconnect}."),
            403 => new(ErrorIds.PermissionDenied, ErrorCategory.PermissionDenied,
                $"The account is not allowed to do this; ask a {service} administrator for the permission."),
            404 => new(ErrorIds.NotFound, ErrorCategory.ObjectNotFound, "Check the identifier; it may have been removed already."),
            409 => new(ErrorIds.Conflict, ErrorCategory.ResourceExists, "Check the item's current state, then try again."),
            429 => new(ErrorIds.RateLimited, ErrorCategory.LimitsExceeded,
                exception.RetryAfter is { } wait
                    ? $"The service is limiting requests; try again in {RetryPolicy.FormatDuration(wait)}, or lower -ThrottleLimit."
                    : "The service is limiting requests; try again later, raise -MaximumRetryCount or lower -ThrottleLimit."),
            502 or 503 or 504 => new(ErrorIds.ServiceUnavailable, ErrorCategory.ResourceUnavailable,
                "The service is unavailable; try again later."),
            >= 500 => new(ErrorIds.ServiceError, ErrorCategory.InvalidResult,
                "The service failed; try again later, and quote the request id to its support if it persists."),
            _ => new(ErrorIds.RequestFailed, ErrorCategory.InvalidOperation, "Check the values passed and the connection."),
        };
    }

    /// <summary>ArgumentException appends "(Parameter 'x')", which names C# code, not the cmdlet parameter.</summary>
    private static string StripParameterName(ArgumentException exception) =>
        exception.ParamName is null ? exception.Message : exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);
}
