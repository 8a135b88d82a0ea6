using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;

namespace TokenAdmin.Tests.Support;

/// <summary>Virtual time: delays return at once, are recorded, and move the clock forward.</summary>
internal sealed class FakeClock : IClock
{
    private readonly object _gate = new();
    private DateTimeOffset _now;

    public FakeClock(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public List<TimeSpan> Delays { get; } = new();

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

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Delays.Add(delay);
            _now += delay;
        }

        return Task.CompletedTask;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
