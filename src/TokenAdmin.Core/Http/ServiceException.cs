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

    public string? Method { get; private init; }

    /// <summary>The request URL, redacted (query values outside the allow-list removed).</summary>
    public string? Url { get; private init; }

    /// <summary>What the request was for ("remove auth token").</summary>
    public string? Operation { get; private init; }

    public static ServiceException InvalidEndpoint(string message) => new(ServiceFailure.InvalidEndpoint, message);

    public static ServiceException InvalidCredential(string message) => new(ServiceFailure.InvalidCredential, message);

    internal static ServiceException FromResponse(OutgoingRequest request, string url, ServiceResponse response,
        ServiceError? error, string? bodyExcerpt, TimeSpan? retryAfter, string? giveUpReason)
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
            Method = request.Method.Method,
            Url = url,
            Operation = request.Source.Operation,
        };
    }

    internal static ServiceException FromTransport(OutgoingRequest request, string url, ServiceFailure failure,
        string cause, int attempts, string? giveUpReason)
    {
        var what = failure switch
        {
            ServiceFailure.Timeout => "got no response in time",
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

        return new ServiceException(failure, message.ToString())
        {
            Attempts = attempts,
            Method = request.Method.Method,
            Url = url,
            Operation = request.Source.Operation,
        };
    }

    internal static ServiceException InvalidResponse(ServiceRequest request, ServiceResponse response, string problem, string? bodyExcerpt) =>
        new(ServiceFailure.InvalidResponse,
            $"Could not {request.Operation}: the service answered {response.StatusCode} with a body TokenAdmin could not read ({problem}).{(response.RequestId is { } id ? $" Request id: {id}." : string.Empty)}")
        {
            StatusCode = response.StatusCode,
            RequestId = response.RequestId,
            BodyExcerpt = bodyExcerpt,
            Attempts = response.Attempts,
            Method = request.Method.Method,
            Operation = request.Operation,
        };
}

/// <summary>The error a service put in a response body, as its <see cref="IServiceErrorReader"/> read it.</summary>
public sealed record ServiceError(string? Code, string? Message, string? RequestId = null);

/// <summary>Reads a service's error body (each service has its own shape).</summary>
public interface IServiceErrorReader
{
    ServiceError? Read(ServiceResponse response);
}
