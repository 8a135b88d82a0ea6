using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;

namespace TokenAdmin.Tests.Support;

/// <summary>
/// Virtual time that moves only when the test says: each delay ends when <see cref="Advance"/> has
/// passed its due time. For interleaving concurrent waits deterministically.
/// </summary>
internal sealed class SteppingClock : IClock
{
    private readonly object _gate = new();
    private readonly List<(DateTimeOffset Due, TaskCompletionSource Done)> _pending = new();
    private DateTimeOffset _now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private int _delaysStarted;

    public DateTimeOffset Start { get; } = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

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

    /// <summary>How many delays have begun so far.</summary>
    public int DelaysStarted => Volatile.Read(ref _delaysStarted);

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        lock (_gate)
        {
            if (delay <= TimeSpan.Zero)
            {
                done.TrySetResult();
            }
            else
            {
                _pending.Add((_now + delay, done));
            }
        }

        Interlocked.Increment(ref _delaysStarted);
        return done.Task;
    }

    /// <summary>Moves time on and ends every delay now due.</summary>
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
