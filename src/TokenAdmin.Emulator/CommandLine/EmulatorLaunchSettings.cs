using System;
using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>What the command line asked for: host options plus what to do once it listens.</summary>
internal sealed record EmulatorLaunchSettings(
    EmulatorOptions Options,
    IReadOnlyList<RouteFaults> Faults,
    IReadOnlyList<RouteLatency> Latencies,
    IReadOnlyList<RouteConcurrencyLimit> ConcurrencyLimits,
    string? UrlFile,
    bool ShowHelp)
{
    public void ApplyTo(FaultInjector injector)
    {
        foreach (var latency in Latencies)
        {
            injector.SetLatency(latency.Route, latency.Latency);
        }

        foreach (var limit in ConcurrencyLimits)
        {
            injector.SetConcurrencyLimit(limit.Route, limit.Limit, limit.RetryAfter);
        }

        foreach (var faults in Faults)
        {
            injector.Enqueue(faults.Route, [.. faults.Steps]);
        }
    }
}

/// <summary>One <c>--fault route=step,...</c>.</summary>
internal sealed record RouteFaults(string Route, IReadOnlyList<FaultStep> Steps);

/// <summary>One <c>--latency route=milliseconds</c>.</summary>
internal sealed record RouteLatency(string Route, TimeSpan Latency);

/// <summary>One <c>--concurrency-limit route=n[:retryAfterSeconds]</c>.</summary>
internal sealed record RouteConcurrencyLimit(string Route, int Limit, string? RetryAfter);
