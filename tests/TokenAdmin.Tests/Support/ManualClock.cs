using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;

namespace TokenAdmin.Tests.Support;

/// <summary>Virtual time whose delays end only when the test says so: for ordering concurrent waits.</summary>
internal sealed class ManualClock : IClock
{
    private readonly object _gate = new();
    private readonly List<(TimeSpan Delay, TaskCompletionSource Done)> _pending = new();
    private readonly SemaphoreSlim _delayStarted = new(0);

    private DateTimeOffset _now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private bool _released;

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return _pending.Select(p => p.Delay).ToList();
            }
        }
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        lock (_gate)
        {
            _pending.Add((delay, done));
            if (_released)
            {
                _now += delay;
                done.TrySetResult();
            }
        }

        _delayStarted.Release();
        return done.Task;
    }

    /// <summary>Completes when some code has started waiting.</summary>
    public Task WaitForDelayAsync(CancellationToken cancellationToken) => _delayStarted.WaitAsync(cancellationToken);

    /// <summary>Time jumps past the longest wait; every wait, now and later, ends at once.</summary>
    public void ReleaseAll()
    {
        lock (_gate)
        {
            _released = true;
            _now += _pending.Select(p => p.Delay).DefaultIfEmpty().Max();
            foreach (var (_, done) in _pending)
            {
                done.TrySetResult();
            }
        }
    }
}
