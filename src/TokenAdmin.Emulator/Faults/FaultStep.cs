using System;

namespace TokenAdmin.Emulator;

/// <summary>One injected fault, consumed by exactly one request. Create with the factory methods.</summary>
public sealed record FaultStep
{
    private FaultStep(FaultKind kind, int statusCode = 0, string? retryAfter = null, string? body = null, string? contentType = null)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Body = body;
        ContentType = contentType;
    }

    public FaultKind Kind { get; }

    /// <summary>The response status of a <see cref="FaultKind.Status"/> step; 0 otherwise.</summary>
    public int StatusCode { get; }

    /// <summary>Sent verbatim as the Retry-After header: delay-seconds ("2") or an HTTP-date.</summary>
    public string? RetryAfter { get; }

    /// <summary>The response body; null sends the default error body in the route's service's shape.</summary>
    public string? Body { get; }

    /// <summary>Content-Type of a custom <see cref="Body"/>; null means application/json.</summary>
    public string? ContentType { get; }

    /// <summary>Respond with <paramref name="statusCode"/> (200-599) instead of serving the route.</summary>
    public static FaultStep Status(int statusCode, string? retryAfter = null, string? body = null, string? contentType = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new FaultStep(FaultKind.Status, statusCode, retryAfter, body, contentType);
    }

    /// <summary>Abort the connection without a response (the client sees a transport failure).</summary>
    public static FaultStep Abort() => new(FaultKind.Abort);

    /// <summary>Never respond; the journal records the request as aborted once the client goes away.</summary>
    public static FaultStep Hang() => new(FaultKind.Hang);

    public override string ToString() => Kind switch
    {
        FaultKind.Status when RetryAfter is not null => $"{StatusCode}:{RetryAfter}",
        FaultKind.Status => StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
