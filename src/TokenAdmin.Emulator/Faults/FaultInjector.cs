using System;
using System.Collections.Generic;
using System.Linq;

namespace TokenAdmin.Emulator;

/// <summary>
/// Per-route faults. Each route has a FIFO of <see cref="FaultStep"/>s (one consumed per request;
/// an empty queue serves normally) and an optional latency for every request. The key
/// <see cref="AnyRoute"/> applies to every service route; a route's own queue and latency win over it.
/// Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    /// <summary>The key that matches every (non-admin) route.</summary>
    public const string AnyRoute = "*";

    private readonly object gate = new();
    private readonly HashSet<string> knownRoutes;
    private readonly Dictionary<string, Queue<FaultStep>> queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> latencies = new(StringComparer.Ordinal);

    /// <param name="knownRoutes">Route names that may be targeted; anything else is a typo and throws.</param>
    public FaultInjector(IEnumerable<string> knownRoutes)
    {
        this.knownRoutes = new HashSet<string>(knownRoutes, StringComparer.Ordinal) { AnyRoute };
    }

    /// <summary>Appends steps to the route's queue: the next request gets the first step, and so on.</summary>
    public void Enqueue(string route, params FaultStep[] steps)
    {
        ValidateRoute(route);
        ArgumentNullException.ThrowIfNull(steps);
        lock (gate)
        {
            if (!queues.TryGetValue(route, out var queue))
            {
                queues[route] = queue = new Queue<FaultStep>();
            }

            foreach (var step in steps)
            {
                queue.Enqueue(step ?? throw new ArgumentException("A fault step is null.", nameof(steps)));
            }
        }
    }

    /// <summary>Delays every request of the route by <paramref name="latency"/>; <see cref="TimeSpan.Zero"/> removes it.</summary>
    public void SetLatency(string route, TimeSpan latency)
    {
        ValidateRoute(route);
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (gate)
        {
            if (latency == TimeSpan.Zero)
            {
                latencies.Remove(route);
            }
            else
            {
                latencies[route] = latency;
            }
        }
    }

    /// <summary>Steps not yet consumed for exactly this key (<see cref="AnyRoute"/> included).</summary>
    public int PendingSteps(string route)
    {
        lock (gate)
        {
            return queues.TryGetValue(route, out var queue) ? queue.Count : 0;
        }
    }

    /// <summary>Removes every queued step and latency.</summary>
    public void Clear()
    {
        lock (gate)
        {
            queues.Clear();
            latencies.Clear();
        }
    }

    /// <summary>Consumes what applies to one request of <paramref name="route"/>.</summary>
    internal FaultPlan Next(string route)
    {
        lock (gate)
        {
            var latency = latencies.TryGetValue(route, out var own) ? own
                : latencies.TryGetValue(AnyRoute, out var any) ? any
                : TimeSpan.Zero;
            var step = Dequeue(route) ?? Dequeue(AnyRoute);
            return new FaultPlan(latency, step);
        }
    }

    internal IReadOnlyCollection<string> KnownRoutes => knownRoutes;

    private FaultStep? Dequeue(string route) =>
        queues.TryGetValue(route, out var queue) && queue.TryDequeue(out var step) ? step : null;

    private void ValidateRoute(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (!knownRoutes.Contains(route))
        {
            throw new ArgumentException(
                $"Unknown route '{route}'. Known: {string.Join(", ", knownRoutes.Order(StringComparer.Ordinal))}.",
                nameof(route));
        }
    }
}

/// <summary>What one request gets: a delay, then optionally a fault instead of the real route.</summary>
internal readonly record struct FaultPlan(TimeSpan Latency, FaultStep? Step);
