using System;
using TokenAdmin.Core.Http;

namespace TokenAdmin;

/// <summary>
/// A request to a service failed: it answered with an error, could not be reached, or sent an
/// answer TokenAdmin could not read. Everything in it has been redacted: no credential, token,
/// signature or key. <c>catch [TokenAdmin.ServiceRequestException] { $_.Exception.StatusCode }</c>.
/// </summary>
public sealed class ServiceRequestException : TokenAdminException
{
    internal ServiceRequestException(ServiceException source, string message, string errorId)
        : base(message, errorId)
    {
        StatusCode = source.StatusCode;
        ServiceErrorCode = source.ServiceErrorCode;
        ServiceMessage = source.ServiceMessage;
        RequestId = source.RequestId;
        BodyExcerpt = source.BodyExcerpt;
        RetryAfter = source.RetryAfter;
        Attempts = source.Attempts;
        Method = source.Method;
        Url = source.Url;
        Operation = source.Operation;
        OutcomeUnknown = source.OutcomeUnknown;
    }

    /// <summary>
    /// The service may have done what was asked although this error says otherwise: an attempt
    /// broke off with its outcome unknown (connection lost, timeout, 502/504) and was not, or could
    /// not be, repeated to find out. Check first. The audit log says "unknown" for such a change.
    /// </summary>
    public bool OutcomeUnknown { get; }

    /// <summary>HTTP status, when the service answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The service's own error code from the body (TOKEN_NOT_FOUND, ...).</summary>
    public string? ServiceErrorCode { get; }

    /// <summary>The service's own error message, redacted.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The service's request id: quote it to the service's support.</summary>
    public string? RequestId { get; }

    /// <summary>A short, redacted excerpt of the response body.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>How long the service asked to wait (429/503 with Retry-After).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; }

    public string? Method { get; }

    /// <summary>The request URL, redacted.</summary>
    public string? Url { get; }

    /// <summary>What the request was for ("remove auth token 3a70b93b85c9").</summary>
    public string? Operation { get; }
}
