using System;
using System.Text;

namespace TokenAdmin.Core.Http;

/// <summary>
/// The one exception type the core throws for a failed request. Every text in it has passed the
/// redactor: it carries no credential, token, signature or key, and no raw inner exception
/// (whose message could). Cmdlets turn it into an ErrorRecord with a stable ErrorId.
/// </summary>
public sealed class ServiceException : Exception
{
    public ServiceException(ServiceFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public ServiceFailure Failure { get; private init; }

    /// <summary>HTTP status, when the service answered.</summary>
    public int? StatusCode { get; private init; }

    /// <summary>The service's own error code from the body (TOKEN_NOT_FOUND, INVALID_TOKEN, ...).</summary>
    public string? ServiceErrorCode { get; private init; }

    /// <summary>The service's own error message from the body, redacted.</summary>
    public string? ServiceMessage { get; private init; }

    public string? RequestId { get; private init; }

    /// <summary>A short, redacted excerpt of the response body.</summary>
    public string? BodyExcerpt { get; private init; }

    /// <summary>How long the service asked to wait, when it did (429/503 with Retry-After).</summary>
    public TimeSpan? RetryAfter { get; private init; }

    public int Attempts { get; private init; } = 1;

    /// <summary>
    /// The service may have acted on this change although it failed: an attempt (an earlier one, or
    /// the last, not repeated) broke off with its outcome unknown (connection lost, timeout, 502/504).
    /// Never set for a read.
    /// </summary>
    public bool OutcomeUnknown { get; private init; }

    public string? Method { get; private init; }

    /// <summary>The request URL, redacted (query values outside the allow-list removed).</summary>
    public string? Url { get; private init; }

    /// <summary>What the request was for ("remove auth token").</summary>
    public string? Operation { get; private init; }

    /// <summary>What the failed attempt carried, by name (PowerClerk: which second factor); null when its authenticator does not say.</summary>
    public Authentication.ICredentialSent? CredentialSent { get; private init; }

    public static ServiceException InvalidEndpoint(string message) => new(ServiceFailure.InvalidEndpoint, message);

    public static ServiceException InvalidCredential(string message) => new(ServiceFailure.InvalidCredential, message);

    /// <summary>Said after a later attempt's failure when an earlier attempt may have done the work.</summary>
    internal const string EarlierAttemptUnknown = "An earlier attempt broke off with its outcome unknown, so the service may have done it; check before trying again.";

    internal static ServiceException FromResponse(OutgoingRequest request, string url, ServiceResponse response,
        ServiceError? error, string? bodyExcerpt, TimeSpan? retryAfter, string? giveUpReason, bool outcomeUnknown, bool mayHaveActed = false)
    {
        var failure = response.StatusCode is >= 300 and <= 399 ? ServiceFailure.Redirected : ServiceFailure.HttpStatus;
        var message = new StringBuilder()
            .Append("Could not ").Append(request.Source.Operation).Append(": ")
            .Append(request.Method.Method).Append(' ').Append(url)
            .Append(" returned ").Append(response.StatusCode);
        if (!string.IsNullOrEmpty(response.ReasonPhrase))
        {
            message.Append(' ').Append(response.ReasonPhrase);
        }

        if (error?.Code is { Length: > 0 } code)
        {
            message.Append(" (").Append(code).Append(')');
        }

        if (error?.Message is { Length: > 0 } serviceMessage)
        {
            message.Append(": ").Append(serviceMessage.TrimEnd('.')).Append('.');
        }
        else
        {
            message.Append('.');
        }

        if (failure == ServiceFailure.Redirected && response.Header("Location") is { } location)
        {
            message.Append(" The service redirects to ").Append(location).Append("; check the base URL.");
        }

        if (giveUpReason is not null)
        {
            message.Append(' ').Append(giveUpReason);
        }

        if (outcomeUnknown)
        {
            message.Append(' ').Append(EarlierAttemptUnknown);
        }

        var requestId = error?.RequestId ?? response.RequestId;
        if (requestId is not null)
        {
            message.Append(" Request id: ").Append(requestId).Append('.');
        }

        return new ServiceException(failure, message.ToString())
        {
            StatusCode = response.StatusCode,
            ServiceErrorCode = error?.Code,
            ServiceMessage = error?.Message,
            RequestId = requestId,
            BodyExcerpt = bodyExcerpt,
            RetryAfter = retryAfter,
            Attempts = response.Attempts,
            OutcomeUnknown = outcomeUnknown || mayHaveActed,
            Method = request.Method.Method,
            Url = url,
            Operation = request.Source.Operation,
            CredentialSent = request.CredentialSent,
        };
    }

    internal static ServiceException FromTransport(OutgoingRequest request, string url, ServiceFailure failure,
        string cause, int attempts, string? giveUpReason, bool outcomeUnknown, bool mayHaveActed = false)
    {
        var what = failure switch
        {
            ServiceFailure.Timeout => "got no response in time",
            ServiceFailure.ResponseTooLarge => "got a response larger than TokenAdmin reads",
            ServiceFailure.CertificateRejected => "was refused because the server's TLS certificate is not trusted (use -SkipCertificateCheck only for a test server you control)",
            _ => "could not reach the service",
        };
        var message = new StringBuilder()
            .Append("Could not ").Append(request.Source.Operation).Append(": ")
            .Append(request.Method.Method).Append(' ').Append(url).Append(' ').Append(what)
            .Append(" (").Append(cause).Append(").");
        if (attempts > 1)
        {
            message.Append(" Tried ").Append(attempts).Append(" times.");
        }

        if (giveUpReason is not null)
        {
            message.Append(' ').Append(giveUpReason);
        }

        if (outcomeUnknown)
        {
            message.Append(' ').Append(EarlierAttemptUnknown);
        }

        return new ServiceException(failure, message.ToString())
        {
            Attempts = attempts,
            OutcomeUnknown = outcomeUnknown || mayHaveActed,
            Method = request.Method.Method,
            Url = url,
            Operation = request.Source.Operation,
            CredentialSent = request.CredentialSent,
        };
    }

    /// <summary>A 2xx whose body reports a failure (<paramref name="error"/>, already redacted).</summary>
    internal static ServiceException ReportedInSuccess(ServiceRequest request, string url, ServiceResponse response, ServiceError error,
        string? bodyExcerpt, bool outcomeUnknown)
    {
        var message = new StringBuilder()
            .Append("Could not ").Append(request.Operation).Append(": ")
            .Append(request.Method.Method).Append(' ').Append(url)
            .Append(" answered ").Append(response.StatusCode).Append(" but reported a failure");
        if (error.Code is { Length: > 0 } code)
        {
            message.Append(" (").Append(code).Append(')');
        }

        message.Append(error.Message is { Length: > 0 } text ? $": {text.TrimEnd('.')}." : ".");
        if (outcomeUnknown)
        {
            message.Append(' ').Append(EarlierAttemptUnknown);
        }

        var requestId = error.RequestId ?? response.RequestId;
        if (requestId is not null)
        {
            message.Append(" Request id: ").Append(requestId).Append('.');
        }

        return new ServiceException(ServiceFailure.ReportedInSuccess, message.ToString())
        {
            StatusCode = response.StatusCode,
            ServiceErrorCode = error.Code,
            ServiceMessage = error.Message,
            RequestId = requestId,
            BodyExcerpt = bodyExcerpt,
            Attempts = response.Attempts,
            OutcomeUnknown = outcomeUnknown,
            Method = request.Method.Method,
            Url = url,
            Operation = request.Operation,
        };
    }

    /// <summary>A 2xx that is not the documented success; <paramref name="problem"/> says what came back instead.</summary>
    internal static ServiceException UnexpectedResponse(ServiceRequest request, string? url, ServiceResponse response, string problem, string? bodyExcerpt,
        bool outcomeUnknown = false)
    {
        var message = new StringBuilder()
            .Append("Could not ").Append(request.Operation).Append(": ")
            .Append(request.Method.Method).Append(' ').Append(url ?? request.Path)
            .Append(" answered ").Append(response.StatusCode)
            .Append(" but not with what the service documents as success: ").Append(problem.TrimEnd('.')).Append('.');
        if (!string.IsNullOrWhiteSpace(bodyExcerpt) && bodyExcerpt != "(empty)")
        {
            message.Append(" It sent: ").Append(bodyExcerpt);
        }

        if (outcomeUnknown)
        {
            message.Append(' ').Append(EarlierAttemptUnknown);
        }

        if (response.RequestId is { } id)
        {
            message.Append(" Request id: ").Append(id).Append('.');
        }

        return new ServiceException(ServiceFailure.UnexpectedResponse, message.ToString())
        {
            OutcomeUnknown = outcomeUnknown,
            StatusCode = response.StatusCode,
            RequestId = response.RequestId,
            BodyExcerpt = bodyExcerpt,
            Attempts = response.Attempts,
            Method = request.Method.Method,
            Url = url,
            Operation = request.Operation,
        };
    }
}
