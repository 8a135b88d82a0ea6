using System;

namespace TokenAdmin.Core.Http;

/// <summary>Backoff shape. Tests shrink or inspect these; users tune only MaximumRetryCount.</summary>
public sealed record RetryOptions
{
    public static RetryOptions Default { get; } = new();

    /// <summary>First backoff step; each retry doubles it.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No computed backoff exceeds this.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A Retry-After longer than this is not waited out: the request fails at once with the
    /// service's wait time in the error, so an unattended script does not hang for an hour.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);
}
