using System;
using System.Net;

namespace TokenAdmin.Core.Http;

/// <summary>
/// What a Connect-* command fixes for the lifetime of a connection. Named as Invoke-RestMethod names them.
/// </summary>
public sealed class ConnectionOptions
{
    public const int DefaultTimeoutSec = 100;
    public const int DefaultMaximumRetryCount = 4;

    public ConnectionOptions(Uri baseUri) => BaseUri = baseUri ?? throw new ArgumentNullException(nameof(baseUri));

    public Uri BaseUri { get; }

    /// <summary>Per-request (per attempt) timeout in seconds; 0 means no timeout.</summary>
    public int TimeoutSec { get; init; } = DefaultTimeoutSec;

    /// <summary>How many times one request may be repeated after the first attempt.</summary>
    public int MaximumRetryCount { get; init; } = DefaultMaximumRetryCount;

    public Uri? Proxy { get; init; }

    public NetworkCredential? ProxyCredential { get; init; }

    public bool SkipCertificateCheck { get; init; }

    /// <summary>Allows http:// to a host that is not loopback (credentials then travel in clear text).</summary>
    public bool AllowUnencryptedAuthentication { get; init; }

    /// <summary>
    /// Connection pool size. Unbounded by default: a bulk command's -ThrottleLimit is the one cap on
    /// requests in flight, so nothing below it silently holds a run at a lower concurrency.
    /// </summary>
    public int MaxConnectionsPerServer { get; init; } = int.MaxValue;

    /// <summary>
    /// [assume] The most bytes of one response body TokenAdmin reads, after decompression: room for
    /// a list of about two million tokens, yet a bound on an endless body or a gzip bomb.
    /// </summary>
    public const long DefaultMaxResponseBytes = 256L * 1024 * 1024;

    /// <summary>A larger response is a ResponseTooLarge failure and is not retried.</summary>
    public long MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    public RetryOptions Retry { get; init; } = RetryOptions.Default;

    public TimeSpan? Timeout => TimeoutSec > 0 ? TimeSpan.FromSeconds(TimeoutSec) : null;
}
