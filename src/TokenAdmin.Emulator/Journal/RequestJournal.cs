using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Emulator;

/// <summary>
/// Every service request, recorded when it arrives and completed when it ends, so tests can
/// assert what the client sent and wait for a request to reach a point without polling.
/// Route arguments take a route name or <see cref="FaultInjector.AnyRoute"/> ("*", every request).
/// Thread-safe.
/// </summary>
public sealed class RequestJournal
{
    private readonly object gate = new();
    private readonly List<JournalEntry> entries = [];
    private readonly List<Waiter> waiters = [];
    private long lastSequence;

    /// <summary>Snapshot of the entries in arrival order.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get { lock (gate) { return entries.ToArray(); } }
    }

    /// <summary>How many requests of the route have arrived.</summary>
    public int Count(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        lock (gate) { return entries.Count(entry => IsOnRoute(entry, route)); }
    }

    /// <summary>The first entry of the route to have arrived: already recorded, or the next to arrive.</summary>
    public Task<JournalEntry> WaitForArrivalAsync(string route, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(route);
        return WaitForAsync(entry => IsOnRoute(entry, route), cancellationToken);
    }

    /// <summary>The first entry of the route to have ended (responded or aborted): already, or the next to.</summary>
    public Task<JournalEntry> WaitForCompletionAsync(string route, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(route);
        return WaitForAsync(entry => entry.IsCompleted && IsOnRoute(entry, route), cancellationToken);
    }

    /// <summary>The first entry, in arrival order, that satisfies <paramref name="match"/> now or after any later change.</summary>
    public Task<JournalEntry> WaitForAsync(Func<JournalEntry, bool> match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (gate)
        {
            var existing = entries.Find(entry => match(entry));
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled<JournalEntry>(cancellationToken);
            }

            var waiter = new Waiter(match);
            waiters.Add(waiter); // Before Register: a token cancelled meanwhile runs Cancel right here, which removes it.
            waiter.Registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
            return waiter.Completion.Task;
        }
    }

    /// <summary>Forgets every entry. Pending waits keep waiting for new entries.</summary>
    public void Clear()
    {
        lock (gate) { entries.Clear(); }
    }

    /// <summary>Records an arrival; the sequence number is assigned here.</summary>
    internal JournalEntry RecordArrival(JournalEntry arrival)
    {
        lock (gate)
        {
            var entry = arrival with { Sequence = ++lastSequence };
            entries.Add(entry);
            Notify(entry);
            return entry;
        }
    }

    /// <summary>Completes an entry once; later calls (and calls after <see cref="Clear"/>) do nothing.</summary>
    internal void RecordCompletion(long sequence, int? statusCode, bool aborted, DateTimeOffset completedAt, string? fault = null)
    {
        lock (gate)
        {
            var index = entries.FindLastIndex(entry => entry.Sequence == sequence);
            if (index < 0 || entries[index].IsCompleted)
            {
                return;
            }

            var entry = entries[index] with { StatusCode = statusCode, Aborted = aborted, CompletedAt = completedAt, Fault = fault };
            entries[index] = entry;
            Notify(entry);
        }
    }

    private static bool IsOnRoute(JournalEntry entry, string route) =>
        route == FaultInjector.AnyRoute || string.Equals(entry.RouteName, route, StringComparison.Ordinal);

    // Called under the lock. Continuations run asynchronously (see Waiter), never under the lock.
    private void Notify(JournalEntry changed)
    {
        for (var i = waiters.Count - 1; i >= 0; i--)
        {
            var waiter = waiters[i];
            if (waiter.Match(changed))
            {
                waiters.RemoveAt(i);
                waiter.Registration.Unregister(); // Unregister, not Dispose: Dispose may wait on a callback that wants this lock.
                waiter.Completion.TrySetResult(changed);
            }
        }
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (gate) { waiters.Remove(waiter); }
        waiter.Completion.TrySetCanceled(cancellationToken);
    }

    private sealed class Waiter(Func<JournalEntry, bool> match)
    {
        public Func<JournalEntry, bool> Match { get; } = match;

        public TaskCompletionSource<JournalEntry> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
