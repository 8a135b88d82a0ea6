using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Tests.Fixtures;

/// <summary>
/// The tests' one clock: virtual time that moves only when a test or a delay moves it. As a
/// <see cref="TimeProvider"/> it gives the emulator the same time as the client (JWT iat/exp,
/// MST expiry agree; its timers stay real). Its delays either end at once, moving time on
/// (the default), or, with <c>holdDelays</c>, wait until <see cref="Advance"/> passes their due time
/// or <see cref="ReleaseAll"/> (for ordering concurrent waits). The module's IClock is implemented in
/// VirtualClock.IClock.cs, where the project references it.
/// </summary>
internal sealed partial class VirtualClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _delays = new();
    private readonly List<(DateTimeOffset Due, TaskCompletionSource Done)> _pending = new();
    private readonly SemaphoreSlim _delayStarted = new(0);
    private DateTimeOffset _now;
    private bool _holdDelays;

    public VirtualClock(DateTimeOffset? start = null, bool holdDelays = false)
    {
        Start = _now = start ?? new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        _holdDelays = holdDelays;
    }

    public DateTimeOffset Start { get; }

    /// <summary>Now; a test may also set it (the emulator's own tests pin and move it).</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }

        set
        {
            lock (_gate)
            {
                _now = value;
            }
        }
    }

    public DateTimeOffset UtcNow => Now;

    /// <summary>Every delay asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return _delays.ToList();
            }
        }
    }

    /// <summary>How many delays have begun so far.</summary>
    public int DelaysStarted
    {
        get
        {
            lock (_gate)
            {
                return _delays.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _delays.Add(delay);
            if (!_holdDelays || delay <= TimeSpan.Zero)
            {
                _now += delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
                done.TrySetResult();
            }
            else
            {
                _pending.Add((_now + delay, done));
                cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
            }
        }

        _delayStarted.Release();
        return done.Task;
    }

    /// <summary>Moves time on and ends every held delay now due.</summary>
    public void Advance(TimeSpan by)
    {
        List<TaskCompletionSource> due;
        lock (_gate)
        {
            _now += by;
            due = _pending.Where(p => p.Due <= _now).Select(p => p.Done).ToList();
            _pending.RemoveAll(p => p.Due <= _now);
        }

        due.ForEach(d => d.TrySetResult());
    }

    /// <summary>Time jumps past the longest held delay; every delay, now and later, ends at once.</summary>
    public void ReleaseAll()
    {
        List<TaskCompletionSource> all;
        lock (_gate)
        {
            _holdDelays = false;
            if (_pending.Count > 0)
            {
                _now = _pending.Max(p => p.Due) > _now ? _pending.Max(p => p.Due) : _now;
            }

            all = _pending.Select(p => p.Done).ToList();
            _pending.Clear();
        }

        all.ForEach(d => d.TrySetResult());
    }

    /// <summary>Completes when some code has started a delay (one per call).</summary>
    public Task WaitForDelayAsync(CancellationToken cancellationToken) => _delayStarted.WaitAsync(cancellationToken);

    /// <summary>Waits (in real time, bounded) until at least <paramref name="count"/> delays have begun.</summary>
    public async Task WaitForDelaysAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (DelaysStarted < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} delays to have begun; {DelaysStarted} did.");
            }

            await Task.Delay(5);
        }
    }
}
