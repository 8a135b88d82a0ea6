using System;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TokenAdmin.Core.Http;
using Xunit;

namespace TokenAdmin.Tests.CoreTests;

public class RetryPolicyTests
{
    private static readonly RetryOptions Options = new()
    {
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        MaxRetryAfter = TimeSpan.FromMinutes(5),
    };

    [Theory]
    [InlineData(429, true, true)]
    [InlineData(429, false, true)] // the service declined: safe even for POST
    [InlineData(503, false, true)]
    [InlineData(503, true, true)]
    [InlineData(502, true, true)]
    [InlineData(502, false, false)] // a gateway error leaves the outcome unknown
    [InlineData(504, true, true)]
    [InlineData(504, false, false)]
    [InlineData(500, true, false)]
    [InlineData(400, true, false)]
    [InlineData(401, true, false)]
    [InlineData(404, true, false)]
    public void Status_codes_are_retried_by_rule(int status, bool idempotent, bool expected) =>
        Assert.Equal(expected, RetryPolicy.IsRetryable(AttemptOutcome.Response, status, idempotent));

    [Theory]
    [InlineData(AttemptOutcome.NotSent, false, true)] // never left: always safe
    [InlineData(AttemptOutcome.NotSent, true, true)]
    [InlineData(AttemptOutcome.ConnectionLost, true, true)]
    [InlineData(AttemptOutcome.ConnectionLost, false, false)]
    [InlineData(AttemptOutcome.TimedOut, true, true)]
    [InlineData(AttemptOutcome.TimedOut, false, false)]
    [InlineData(AttemptOutcome.CertificateRejected, true, false)]
    public void Transport_failures_are_retried_only_when_harmless(AttemptOutcome outcome, bool idempotent, bool expected) =>
        Assert.Equal(expected, RetryPolicy.IsRetryable(outcome, 0, idempotent));

    [Fact]
    public void Unknown_outcome_of_an_unsafe_request_says_why_it_was_not_repeated()
    {
        var decision = RetryPolicy.Decide(AttemptOutcome.ConnectionLost, 0, idempotent: false, null, 0, 4, Options, 0.5);
        Assert.False(decision.Retry);
        Assert.Contains("may have acted", decision.GiveUpReason);
    }

    [Fact]
    public void Retry_after_wins_over_backoff()
    {
        var decision = RetryPolicy.Decide(AttemptOutcome.Response, 429, true, TimeSpan.FromSeconds(7), 0, 4, Options, 0.99);
        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.FromSeconds(7), decision.Delay);
    }

    [Fact]
    public void Retry_after_beyond_the_ceiling_fails_at_once_and_names_the_wait()
    {
        var decision = RetryPolicy.Decide(AttemptOutcome.Response, 429, true, TimeSpan.FromHours(1), 0, 4, Options, 0.5);
        Assert.False(decision.Retry);
        Assert.Contains("60 min", decision.GiveUpReason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void Retries_stop_at_MaximumRetryCount(int maximum)
    {
        for (var retries = 0; retries < maximum; retries++)
        {
            Assert.True(RetryPolicy.Decide(AttemptOutcome.Response, 503, true, null, retries, maximum, Options, 0.5).Retry);
        }

        var last = RetryPolicy.Decide(AttemptOutcome.Response, 503, true, null, maximum, maximum, Options, 0.5);
        Assert.False(last.Retry);
        if (maximum > 0)
        {
            Assert.Contains("-MaximumRetryCount", last.GiveUpReason);
        }
    }

    [Theory]
    [InlineData(1, 0.0, 0.5)]
    [InlineData(1, 0.999999, 1)]
    [InlineData(2, 0.0, 1)]
    [InlineData(3, 0.0, 2)]
    [InlineData(6, 0.0, 15)] // 32 s capped to 30, half fixed
    [InlineData(40, 0.999999, 30)]
    public void Backoff_doubles_with_equal_jitter_and_a_cap(int retry, double random, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, RetryPolicy.Backoff(retry, Options, random).TotalSeconds, precision: 3);

    [Fact]
    public void Backoff_stays_within_half_step_to_step_and_never_exceeds_the_cap() =>
        Prop.ForAll(
                Gen.Choose(1, 200).ToArbitrary(),
                Gen.Choose(0, 1_000_000).Select(i => i / 1_000_001.0).ToArbitrary(),
                (retry, random) =>
                {
                    var step = Math.Min(Options.MaxDelay.TotalSeconds, Options.BaseDelay.TotalSeconds * Math.Pow(2, Math.Min(retry - 1, 30)));
                    var delay = RetryPolicy.Backoff(retry, Options, random).TotalSeconds;
                    return delay >= (step / 2) - 1e-6 && delay <= step + 1e-6 && delay <= Options.MaxDelay.TotalSeconds;
                })
            .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("2", 2)]
    [InlineData(" 120 ", 120)]
    [InlineData("0", 0)]
    public void Retry_after_in_seconds(string header, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryPolicy.ParseRetryAfter(header, DateTimeOffset.UtcNow));

    [Fact]
    public void Retry_after_as_an_http_date_is_relative_to_the_clock()
    {
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var header = now.AddSeconds(42).ToString("r", CultureInfo.InvariantCulture); // "Sun, 22 Nov 2026 10:00:42 GMT"
        Assert.Equal(TimeSpan.FromSeconds(42), RetryPolicy.ParseRetryAfter(header, now));
    }

    [Fact]
    public void Retry_after_date_in_the_past_means_now() =>
        Assert.Equal(TimeSpan.Zero, RetryPolicy.ParseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("12.31")]
    [InlineData("1.5")]
    [InlineData("1, 2")]
    [InlineData("2026-11-22T10:00:42Z")]
    [InlineData("22 Nov 2026 10:00:42")]
    [InlineData("Sun, 22 Nov 2026 10:00:42 +0100")]
    public void Anything_but_delay_seconds_or_an_http_date_is_not_a_retry_after(string? header) =>
        Assert.Null(RetryPolicy.ParseRetryAfter(header, new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("Sun, 22 Nov 2026 10:00:42 GMT")]
    [InlineData("Sunday, 22-Nov-26 10:00:42 GMT")]
    [InlineData("Sun Nov 22 10:00:42 2026")]
    public void The_three_http_date_forms_a_recipient_must_accept(string header) =>
        Assert.Equal(TimeSpan.FromSeconds(42), RetryPolicy.ParseRetryAfter(header, new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_delay_too_large_for_a_timespan_is_a_very_long_wait_which_the_cap_refuses()
    {
        var wait = RetryPolicy.ParseRetryAfter("99999999999999999999999", DateTimeOffset.UtcNow);
        Assert.Equal(TimeSpan.MaxValue, wait);
        Assert.False(RetryPolicy.Decide(AttemptOutcome.Response, 429, true, wait, 0, 4, Options, 0.5).Retry);
    }
}
