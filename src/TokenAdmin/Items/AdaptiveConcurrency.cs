using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Commands;
using TokenAdmin.Core.Http;
using TokenAdmin.Runtime;

namespace TokenAdmin.Items;

/// <summary>
/// How many requests a bulk run keeps in flight: additive increase, multiplicative decrease
/// (AIMD, as TCP does). It grows while the service answers; it halves when the service says
/// 429/503 or does not answer, and (without -ThrottleLimit) shrinks by a tenth when answers slow
/// down well past the fastest seen. Never above the ceiling, never below 1. A burst of 429s
/// from one window of requests counts as one signal: the next decrease waits until the
/// requests in flight at the last one have answered. The limit holds for attempts, not only
/// items: a retry waits for a slot (<see cref="EnterAttemptAsync"/>), so a run that starts far
/// above a quota does not go on sending its first burst's retries all at once. Fed from any
/// thread; clock-free (it sees counts and the latencies it is given), so tests drive it
/// deterministically.
/// </summary>
internal sealed class AdaptiveConcurrency : IAdmissionGate
{
    /// <summary>The ceiling without -ThrottleLimit: high enough for 20 ms services, low enough to be polite.</summary>
    public const int DefaultCeiling = 16;

    /// <summary>Where a run without -ThrottleLimit starts (the old fixed default).</summary>
    public const int DefaultStart = 4;

    /// <summary>Answers this many times slower than the fastest seen, and <see cref="MinimumLatencyRise"/> slower in absolute terms, mean queueing.</summary>
    private const double LatencyTolerance = 2.0;

    private static readonly TimeSpan MinimumLatencyRise = TimeSpan.FromMilliseconds(20);

    private readonly object _gate = new();
    private readonly bool _followLatency;
    private double _limit;
    private bool _slowStart = true;
    private long _answers;
    private long _noDecreaseBefore;
    private double _throttledAt = double.MaxValue; // the limit at the last 429/503: growth slows near it
    private double _fastestMs = double.MaxValue;
    private double _smoothedMs;
    private int _attempts; // attempts in flight: answered or not yet
    private readonly Queue<TaskCompletionSource> _waitingRetries = new();

    private AdaptiveConcurrency(int start, int ceiling, bool followLatency)
    {
        Ceiling = Math.Max(1, ceiling);
        _limit = Math.Clamp(start, 1, Ceiling);
        _followLatency = followLatency;
        Lowest = Highest = (int)_limit;
    }

    /// <summary>
    /// Without -ThrottleLimit: starts at 4, follows 429/503 and latency, up to 16. With it: starts
    /// at that limit (what the user asked for), and leaves it only when the service says 429/503.
    /// </summary>
    public static AdaptiveConcurrency For(int? throttleLimit) => throttleLimit is { } limit
        ? new AdaptiveConcurrency(limit, limit, followLatency: false)
        : new AdaptiveConcurrency(DefaultStart, DefaultCeiling, followLatency: true);

    public int Ceiling { get; }

    /// <summary>Requests that may be in flight now.</summary>
    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return (int)_limit;
            }
        }
    }

    public int Lowest { get; private set; }

    public int Highest { get; private set; }

    /// <summary>Times the limit was lowered.</summary>
    public int Decreases { get; private set; }

    /// <summary>One attempt's answer: its status (0 when none came: timeout, connection lost) and how long it took.</summary>
    public void OnAnswer(int statusCode, TimeSpan elapsed)
    {
        lock (_gate)
        {
            _answers++;
            if (statusCode is 0 or 429 or 503)
            {
                if (_answers >= _noDecreaseBefore)
                {
                    _throttledAt = _limit;
                }

                Decrease(0.5);
                return;
            }

            var ms = elapsed.TotalMilliseconds;
            // The fastest answer is the baseline. It drifts towards what comes only at the lowest limits, where
            // load cannot explain slowness: a service that became slower for good is then accepted as it is.
            _fastestMs = _fastestMs == double.MaxValue ? ms
                : _limit <= 2 ? Math.Min(ms, _fastestMs) + (Math.Max(0, ms - _fastestMs) * 0.01)
                : Math.Min(ms, _fastestMs);
            _smoothedMs = _smoothedMs == 0 ? ms : (_smoothedMs * 0.9) + (ms * 0.1);
            if (_followLatency && _smoothedMs > _fastestMs * LatencyTolerance && _smoothedMs - _fastestMs > MinimumLatencyRise.TotalMilliseconds)
            {
                Decrease(0.9);
                return;
            }

            // Slow start doubles the limit per round of answers; after the first decrease, +1 per round,
            // and a quarter of that near where the service last said 429/503, so the quota is probed rarely.
            var step = _slowStart ? 1 : _limit + 1 >= _throttledAt ? 0.25 / _limit : 1 / _limit;
            _limit = Math.Min(Ceiling, _limit + step);
            Highest = Math.Max(Highest, (int)_limit);
            LetRetriesIn();
        }
    }

    /// <summary>Attempts in flight now (first attempts and retries).</summary>
    public int AttemptsInFlight
    {
        get
        {
            lock (_gate)
            {
                return _attempts;
            }
        }
    }

    void IAdmissionGate.Answered(int statusCode, TimeSpan elapsed) => OnAnswer(statusCode, elapsed);

    /// <summary>
    /// A slot for one attempt, released by disposing it. A first attempt (<paramref name="retry"/> 0)
    /// takes one at once: the runner admitted its item under the limit. A retry waits while the
    /// attempts in flight are at the limit.
    /// </summary>
    public async ValueTask<IDisposable?> EnterAttemptAsync(int retry, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiting;
        lock (_gate)
        {
            if (retry == 0 || _attempts < (int)_limit)
            {
                _attempts++;
                return new Slot(this);
            }

            waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waitingRetries.Enqueue(waiting);
        }

        using (cancellationToken.Register(() => waiting.TrySetCanceled(cancellationToken)))
        {
            await waiting.Task.ConfigureAwait(false); // counted by whoever let it in
        }

        return new Slot(this);
    }

    /// <summary>"adapted between 4 and 16, ending at 16 (ceiling 16)" for -Verbose.</summary>
    public override string ToString()
    {
        lock (_gate)
        {
            var decreases = Decreases == 0 ? "never lowered" : $"lowered {Decreases} {(Decreases == 1 ? "time" : "times")}";
            return $"requests in flight adapted between {Lowest} and {Highest}, ending at {(int)_limit} (ceiling {Ceiling}; {decreases})";
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _attempts--;
            LetRetriesIn();
        }
    }

    /// <summary>Under the lock: waiting retries take the free slots, oldest first (a cancelled one is skipped).</summary>
    private void LetRetriesIn()
    {
        while (_attempts < (int)_limit && _waitingRetries.TryDequeue(out var next))
        {
            if (next.TrySetResult())
            {
                _attempts++;
            }
        }
    }

    private sealed class Slot(AdaptiveConcurrency owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release();
            }
        }
    }

    private void Decrease(double factor)
    {
        if (_answers < _noDecreaseBefore)
        {
            return; // the same window's answers: already acted on
        }

        var before = _limit;
        _limit = Math.Max(1, Math.Floor(_limit * factor));
        _slowStart = false;
        _noDecreaseBefore = _answers + (long)Math.Ceiling(before);
        Lowest = Math.Min(Lowest, (int)_limit);
        Decreases++;
    }
}
