using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;

namespace TokenAdmin.Emulator;

/// <summary>
/// Applies <see cref="FaultInjector"/> plans to named routes. Runs after routing (it needs the route
/// name) and before the services' authentication, like a gateway in front of the real service.
/// </summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector faults, IHostApplicationLifetime lifetime)
{
    private static readonly object AppliedFaultKey = new();

    /// <summary>The fault step this request got, as the journal shows it; null when it was served normally.</summary>
    public static string? AppliedFault(HttpContext context) => context.Items[AppliedFaultKey] as string;

    public async Task InvokeAsync(HttpContext context)
    {
        var route = EmulatorEndpoints.RouteNameOf(context);
        if (route is null)
        {
            await next(context);
            return;
        }

        if (faults.Enter(route, out var counted) is { } refused)
        {
            context.Items[AppliedFaultKey] = refused.ToString();
            await RespondAsync(context, refused); // at once: a quota is checked before any work
            return;
        }

        try
        {
            await ServeAsync(context, route);
        }
        finally
        {
            if (counted is not null)
            {
                faults.Leave(counted);
            }
        }
    }

    private async Task ServeAsync(HttpContext context, string route)
    {
        var plan = faults.Next(route);
        if (plan.Step is { Kind: not FaultKind.Pass } planned)
        {
            context.Items[AppliedFaultKey] = planned.ToString();
        }

        // Delays end when the client leaves or the host stops, so disposing a host never waits on them.
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        if (plan.Latency > TimeSpan.Zero && !await DelayAsync(plan.Latency, abandoned.Token))
        {
            ConnectionAbort.Abort(context);
            return;
        }

        if (plan.Step?.HoldUntil is { } hold)
        {
            try
            {
                await hold.WaitAsync(abandoned.Token);
            }
            catch (OperationCanceledException)
            {
                ConnectionAbort.Abort(context);
                return;
            }
        }

        switch (plan.Step)
        {
            case null or { Kind: FaultKind.Pass }:
                await next(context);
                break;
            case { Kind: FaultKind.Status } step:
                await RespondAsync(context, step);
                if (step.HangAfterBody)
                {
                    await context.Response.Body.FlushAsync(abandoned.Token).ConfigureAwait(false);
                    await DelayAsync(Timeout.InfiniteTimeSpan, abandoned.Token);
                    ConnectionAbort.Abort(context);
                }

                break;
            case { Kind: FaultKind.Abort }:
                ConnectionAbort.Abort(context);
                break;
            case { Kind: FaultKind.AbortAfterApplying }:
                await ApplyThenAbortAsync(context);
                break;
            case { Kind: FaultKind.LargeBody } step:
                await LargeBodies.WriteAsync(context, step, abandoned.Token);
                break;
            case { Kind: FaultKind.Hang }:
                await DelayAsync(Timeout.InfiniteTimeSpan, abandoned.Token);
                ConnectionAbort.Abort(context);
                break;
        }
    }

    /// <summary>The route writes its answer into a buffer that is never sent; the connection then drops.</summary>
    private async Task ApplyThenAbortAsync(HttpContext context)
    {
        var original = context.Response.Body;
        await using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            ConnectionAbort.Abort(context);
        }
    }

    private static async Task RespondAsync(HttpContext context, FaultStep step)
    {
        if (step.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = step.RetryAfter;
        }

        // What the fault echoes of the request (EchoTemplate); the body only when a template asks for it.
        var requestBody = EchoTemplate.NeedsBody(step.Body) || EchoTemplate.NeedsBody(step.ReasonPhrase) || (step.Headers?.Values.Any(EchoTemplate.NeedsBody) ?? false)
            ? await RequestBodyText.ReadAsync(context.Request, context.RequestAborted)
            : string.Empty;
        foreach (var (name, value) in step.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = EchoTemplate.Expand(value, context.Request, requestBody, singleLine: true);
        }

        if (step.ReasonPhrase is not null && context.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            // Kestrel sends the phrase set here instead of the standard one.
            var reason = EchoTemplate.Expand(step.ReasonPhrase, context.Request, requestBody, singleLine: true);
            context.Response.OnStarting(() =>
            {
                feature.ReasonPhrase = reason;
                return Task.CompletedTask;
            });
        }

        if (step.StatusCode is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified)
        {
            context.Response.StatusCode = step.StatusCode; // These statuses cannot carry a body.
            return;
        }

        if (step.Body is null)
        {
            // The route's own service shapes the default body; a client parses it like a real failure.
            var fault = EmulatorEndpoints.ServiceOf(context)?.InjectedFault(step.StatusCode) ?? FaultResponses.Default(step.StatusCode);
            await fault.ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = step.StatusCode;
        context.Response.ContentType = step.ContentType ?? JsonResults.ContentType;
        await context.Response.WriteAsync(EchoTemplate.Expand(step.Body, context.Request, requestBody, singleLine: false), context.RequestAborted);
    }

    /// <summary>True when the delay ran out, false when it was abandoned.</summary>
    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
