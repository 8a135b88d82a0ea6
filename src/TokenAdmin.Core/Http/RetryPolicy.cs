using System;
using System.Globalization;
using System.Linq;

namespace TokenAdmin.Core.Http;

/// <summary>
/// The retry rules, as pure functions so they can be tested exhaustively:
/// <list type="bullet">
/// <item>429 and 503 say the service did not act: retried for every request.</item>
/// <item>502, 504, a lost connection and a timeout leave the outcome unknown: retried only when
/// repeating the request is harmless (idempotent).</item>
/// <item>A request that never left (connection refused) is always retried.</item>
/// <item>Retry-After (seconds or HTTP date) wins over backoff; otherwise exponential backoff
/// with "equal jitter": half the step fixed, half random, never above the cap.</item>
/// </list>
/// </summary>
public static class RetryPolicy
{
    public static bool IsRetryable(AttemptOutcome outcome, int statusCode, bool idempotent) => outcome switch
    {
        AttemptOutcome.Response => statusCode switch
        {
            429 or 503 => true,
            502 or 504 => idempotent,
            _ => false,
        },
        AttemptOutcome.NotSent => true,
        AttemptOutcome.ConnectionLost or AttemptOutcome.TimedOut => idempotent,
        _ => false,
    };

    /// <summary>The request may or may not have been applied: a lost connection, a timeout, 502 or 504.</summary>
    public static bool LeavesOutcomeUnknown(AttemptOutcome outcome, int statusCode) =>
        outcome is AttemptOutcome.ConnectionLost or AttemptOutcome.TimedOut
        || (outcome == AttemptOutcome.Response && statusCode is 502 or 504);

    /// <param name="retriesSoFar">Retries already made (0 after the first attempt).</param>
    /// <param name="random">A value in [0, 1) for jitter.</param>
    public static RetryDecision Decide(AttemptOutcome outcome, int statusCode, bool idempotent, TimeSpan? retryAfter,
        int retriesSoFar, int maximumRetryCount, RetryOptions options, double random)
    {
        if (!IsRetryable(outcome, statusCode, idempotent))
        {
            return RetryDecision.Stop(LeavesOutcomeUnknown(outcome, statusCode) && !idempotent
                ? "It was not repeated because the service may have acted on it; check before trying again."
                : null);
        }

        if (retriesSoFar >= maximumRetryCount)
        {
            return RetryDecision.Stop(maximumRetryCount == 0
                ? null
                : $"Gave up after {maximumRetryCount} {(maximumRetryCount == 1 ? "retry" : "retries")} (-MaximumRetryCount).");
        }

        if (retryAfter is { } wait)
        {
            if (wait > options.MaxRetryAfter)
            {
                return RetryDecision.Stop(
                    $"The service asked to wait {FormatDuration(wait)} before trying again, longer than TokenAdmin waits ({FormatDuration(options.MaxRetryAfter)}).");
            }

            return new RetryDecision(true, wait, null);
        }

        return new RetryDecision(true, Backoff(retriesSoFar + 1, options, random), null);
    }

    /// <summary>Step n (1-based): d = min(cap, base * 2^(n-1)); result in [d/2, d].</summary>
    public static TimeSpan Backoff(int retryNumber, RetryOptions options, double random)
    {
        var exponent = Math.Min(Math.Max(retryNumber - 1, 0), 30);
        var stepTicks = Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks * (double)(1L << exponent));
        var jittered = (stepTicks / 2) + (Math.Clamp(random, 0, 1) * stepTicks / 2);
        return TimeSpan.FromTicks((long)Math.Min(jittered, options.MaxDelay.Ticks));
    }

    /// <summary>
    /// Retry-After exactly as RFC 9110 §10.2.3 has it: delay-seconds (1*DIGIT) or an HTTP-date
    /// (IMF-fixdate, or the obsolete RFC 850 and asctime forms a recipient must accept). Anything
    /// else ("12.31", "1.5", "1, 2") is not a Retry-After at all: null, so backoff applies. A past
    /// date means now.
    /// </summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.All(char.IsAsciiDigit))
        {
            // Beyond long.MaxValue is still "a very long time": the caller's MaxRetryAfter refuses it.
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds < (long)TimeSpan.MaxValue.TotalSeconds - 1
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.MaxValue;
        }

        if (DateTimeOffset.TryParseExact(text, HttpDateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            var delta = date - now;
            return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>IMF-fixdate, RFC 850, asctime (RFC 9110 §5.6.7), all in GMT.</summary>
    private static readonly string[] HttpDateFormats =
    {
        "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
        "dddd, dd'-'MMM'-'yy HH':'mm':'ss 'GMT'",
        "ddd MMM d HH':'mm':'ss yyyy",
        "ddd MMM  d HH':'mm':'ss yyyy",
        "ddd MMM dd HH':'mm':'ss yyyy",
    };

    public static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds < 120
            ? $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
            : $"{duration.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min";
}
