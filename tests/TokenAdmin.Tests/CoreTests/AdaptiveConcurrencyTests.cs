using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Commands;
using TokenAdmin.Core.Http;
using TokenAdmin.Items;
using TokenAdmin.Runtime;
using Xunit;

namespace TokenAdmin.Tests.CoreTests;

/// <summary>
/// The bulk runs' concurrency (AIMD), driven on virtual time: a simulated service with a quota
/// answers 429 at once over it, as the emulator's concurrency-limit fault does, and the runner's
/// rules are followed exactly (a slot is held through the retries of its request).
/// </summary>
public sealed class AdaptiveConcurrencyTests
{
    private const double LatencyMs = 20;

    private static readonly RetryOptions Retry = RetryOptions.Default;

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(12)]
    public void Against_a_quota_it_converges_near_the_quota_without_failing_items(int quota)
    {
        var concurrency = AdaptiveConcurrency.For(null);

        var run = Simulate(concurrency, items: 3000, quota: quota);

        Assert.Equal(3000, run.Served);
        Assert.True(run.MostRefusalsOfOneItem <= 4, $"an item was refused {run.MostRefusalsOfOneItem} times; the client gives up after 4 retries");
        var settled = run.Limits.Skip(run.Limits.Count / 2).ToArray();
        Assert.InRange(settled.Average(), quota * 0.5, quota + 1.5);
        Assert.True(settled.Max() <= quota + 2, $"settled at up to {settled.Max()} over a quota of {quota}");
        Assert.InRange(run.Refused, 1, 3000 / 10); // it probes the quota now and then, never hammers it
    }

    [Fact]
    public void Without_a_quota_it_reaches_the_ceiling_and_stays_there()
    {
        var concurrency = AdaptiveConcurrency.For(null);

        var run = Simulate(concurrency, items: 2000, quota: null);

        Assert.Equal(AdaptiveConcurrency.DefaultCeiling, concurrency.Limit);
        Assert.Equal(AdaptiveConcurrency.DefaultCeiling, run.Limits.Max());
        Assert.Equal(0, concurrency.Decreases);
        Assert.True(run.Limits.IndexOf(AdaptiveConcurrency.DefaultCeiling) < 40, "slow start reaches the ceiling within a few rounds");
    }

    [Fact]
    public void A_given_ThrottleLimit_is_in_flight_from_the_start_and_kept_while_the_service_answers()
    {
        var concurrency = AdaptiveConcurrency.For(64);

        var run = Simulate(concurrency, items: 2000, quota: null, latencyMs: active => LatencyMs + active); // slower under load

        Assert.All(run.Limits, limit => Assert.Equal(64, limit)); // latency alone never lowers what the user asked for
    }

    [Fact]
    public void A_given_ThrottleLimit_is_the_ceiling_and_a_quota_below_it_lowers_the_run_to_the_quota()
    {
        var concurrency = AdaptiveConcurrency.For(64); // eight times the quota: the first burst's retries wait for slots

        var run = Simulate(concurrency, items: 3000, quota: 8);

        Assert.Equal(3000, run.Served);
        Assert.True(run.MostRefusalsOfOneItem <= 4, $"an item was refused {run.MostRefusalsOfOneItem} times");
        Assert.InRange(run.Limits.Skip(1500).Average(), 4, 9.5);
    }

    [Fact]
    public void Without_ThrottleLimit_answers_slowing_under_load_hold_the_run_where_they_stay_fast()
    {
        var concurrency = AdaptiveConcurrency.For(null);

        // 20 ms up to 6 requests at once, then 10 ms more per extra request: a service that queues.
        var run = Simulate(concurrency, items: 3000, quota: null, latencyMs: active => LatencyMs + (Math.Max(0, active - 6) * 10));

        Assert.InRange(run.Limits.Skip(1500).Average(), 3, 9);
        Assert.True(concurrency.Decreases > 0);
    }

    [Fact]
    public async Task A_retry_waits_for_a_slot_while_attempts_are_at_the_limit_and_a_first_attempt_never_waits()
    {
        var concurrency = AdaptiveConcurrency.For(2);
        var first = await concurrency.EnterAttemptAsync(0, CancellationToken.None);
        var second = await concurrency.EnterAttemptAsync(0, CancellationToken.None);
        var third = await concurrency.EnterAttemptAsync(0, CancellationToken.None); // admitted by the runner: never waits

        var retry = concurrency.EnterAttemptAsync(1, CancellationToken.None).AsTask();
        using var cancelled = new CancellationTokenSource();
        var abandoned = concurrency.EnterAttemptAsync(1, cancelled.Token).AsTask();

        Assert.False(retry.IsCompleted);
        first!.Dispose();
        second!.Dispose(); // 1 in flight: one slot free, and the oldest waiting retry takes it
        var slot = await retry.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, concurrency.AttemptsInFlight);
        Assert.False(abandoned.IsCompleted);
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        third!.Dispose();
        slot!.Dispose();
        slot.Dispose(); // twice is once
        Assert.Equal(0, concurrency.AttemptsInFlight);
    }

    [Fact]
    public void A_burst_of_429s_from_one_window_halves_once()
    {
        var concurrency = AdaptiveConcurrency.For(16);

        for (var i = 0; i < 16; i++)
        {
            concurrency.OnAnswer(429, TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(8, concurrency.Limit);
        Assert.Equal(1, concurrency.Decreases);
    }

    [Fact]
    public void It_never_goes_below_one_nor_above_the_ceiling()
    {
        var concurrency = AdaptiveConcurrency.For(null);
        for (var i = 0; i < 1000; i++)
        {
            concurrency.OnAnswer(i % 2 == 0 ? 503 : 0, TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(1, concurrency.Limit);
        for (var i = 0; i < 10_000; i++)
        {
            concurrency.OnAnswer(204, TimeSpan.FromMilliseconds(LatencyMs));
        }

        Assert.Equal(AdaptiveConcurrency.DefaultCeiling, concurrency.Limit);
        Assert.Contains("between 1 and 16", concurrency.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Virtual time. The runner starts a request whenever fewer than the limit are in flight; the
    /// service serves up to <paramref name="quota"/> at once and refuses the rest with 429 in 1 ms;
    /// a refused request keeps its item's slot and is re-sent after the client's backoff (1, 2, 4, 8 s,
    /// no jitter) once fewer attempts than the limit are in flight, and the whole connection waits
    /// that long, as <c>ServiceHttpClient</c> and <c>AdaptiveConcurrency.EnterAttemptAsync</c> do.
    /// </summary>
    private static Run Simulate(AdaptiveConcurrency concurrency, int items, int? quota, Func<int, double>? latencyMs = null)
    {
        latencyMs ??= _ => LatencyMs;
        var events = new PriorityQueue<Event, (double At, long Order)>();
        var refusals = new int[items];
        var limits = new List<int>();
        var now = 0.0;
        long order = 0;
        var next = 0;
        var inFlight = 0;
        var serving = 0;
        var served = 0;
        var refused = 0;

        var pausedUntil = 0.0;
        var attempts = 0; // in flight, first attempts and retries
        var waitingRetries = new Queue<int>();

        void LetRetriesIn()
        {
            while (attempts < concurrency.Limit && waitingRetries.TryDequeue(out var item))
            {
                attempts++;
                Send(item);
            }
        }

        void Send(int item)
        {
            if (now < pausedUntil)
            {
                events.Enqueue(new Event(EventKind.Resend, item, -1), (pausedUntil, order++)); // the connection waits out a 429
                return;
            }

            if (quota is { } q && serving >= q)
            {
                events.Enqueue(new Event(EventKind.Refused, item, 1), (now + 1, order++));
                return;
            }

            serving++;
            var took = latencyMs(serving);
            events.Enqueue(new Event(EventKind.Served, item, took), (now + took, order++));
        }

        while (served < items)
        {
            while (inFlight < concurrency.Limit && next < items)
            {
                inFlight++;
                attempts++;
                Send(next++);
            }

            events.TryDequeue(out var happened, out var when);
            now = when.At;
            switch (happened.Kind)
            {
                case EventKind.Served:
                    serving--;
                    inFlight--;
                    served++;
                    attempts--;
                    concurrency.OnAnswer(204, TimeSpan.FromMilliseconds(happened.TookMs));
                    LetRetriesIn();
                    break;
                case EventKind.Refused:
                    refused++;
                    attempts--;
                    concurrency.OnAnswer(429, TimeSpan.FromMilliseconds(happened.TookMs));
                    LetRetriesIn();
                    var retry = ++refusals[happened.Item];
                    var backoff = Math.Min(Retry.BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1), Retry.MaxDelay.TotalMilliseconds);
                    pausedUntil = Math.Max(pausedUntil, now + backoff); // as ServiceHttpClient pauses the whole connection
                    events.Enqueue(new Event(EventKind.Resend, happened.Item, 0), (now + backoff, order++));
                    break;
                case EventKind.Resend when happened.TookMs == 0:
                    // A retry after its backoff: it waits for a slot, as EnterAttemptAsync makes it.
                    waitingRetries.Enqueue(happened.Item);
                    LetRetriesIn();
                    break;
                case EventKind.Resend:
                    Send(happened.Item); // an attempt that waited out the connection's pause (already counted)
                    break;
            }

            limits.Add(concurrency.Limit);
        }

        return new Run(served, refused, refusals.Max(), limits);
    }

    private enum EventKind { Served, Refused, Resend }

    private readonly record struct Event(EventKind Kind, int Item, double TookMs);

    private sealed record Run(int Served, int Refused, int MostRefusalsOfOneItem, List<int> Limits);
}
