using System;

namespace TokenAdmin.Core.Http;

/// <summary>Retry or stop, and how long to wait first.</summary>
public readonly record struct RetryDecision(bool Retry, TimeSpan Delay, string? GiveUpReason)
{
    public static RetryDecision Stop(string? reason = null) => new(false, TimeSpan.Zero, reason);
}
