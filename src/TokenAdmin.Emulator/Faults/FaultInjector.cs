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
    private readonly Dictionary<string, ConcurrencyLimit> limits = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Answers 429 to a request of the route that arrives while <paramref name="limit"/> of its
    /// requests are already being served, as a service with a concurrency quota does (0 removes it).
    /// <paramref name="retryAfter"/> is sent as the 429's Retry-After; null sends none.
    /// </summary>
    public void SetConcurrencyLimit(string route, int limit, string? retryAfter = null)
    {
        ValidateRoute(route);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (gate)
        {
            if (limit == 0)
            {
                limits.Remove(route);
            }
            else
            {
                limits[route] = new ConcurrencyLimit(limit, retryAfter);
            }
        }
    }

    /// <summary>
    /// Admits one request of <paramref name="route"/> under its concurrency limit, or returns the
    /// 429 step it gets instead. An admitted request is counted until <see cref="Leave"/>.
    /// </summary>
    internal FaultStep? Enter(string route, out ConcurrencyLimit? counted)
    {
        lock (gate)
        {
            counted = limits.TryGetValue(route, out var own) ? own : limits.TryGetValue(AnyRoute, out var any) ? any : null;
            if (counted is null)
            {
                return null;
            }

            if (counted.InFlight >= counted.Limit)
            {
                var refused = FaultStep.Status(429, counted.RetryAfter) with { OverConcurrencyLimit = true };
                counted = null;
                return refused;
            }

            counted.InFlight++;
            return null;
        }
    }

    internal void Leave(ConcurrencyLimit counted)
    {
        lock (gate)
        {
            counted.InFlight--;
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

    /// <summary>Removes every queued step, latency and concurrency limit.</summary>
    public void Clear()
    {
        lock (gate)
        {
            queues.Clear();
            latencies.Clear();
            limits.Clear();
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

/// <summary>A route's concurrency quota and how many of its requests are being served now.</summary>
internal sealed class ConcurrencyLimit(int limit, string? retryAfter)
{
    public int Limit { get; } = limit;

    public string? RetryAfter { get; } = retryAfter;

    public int InFlight { get; set; }
}
