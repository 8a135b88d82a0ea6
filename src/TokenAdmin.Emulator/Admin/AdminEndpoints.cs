using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>
/// The emulator's control surface under <c>/_emulator</c>: no authentication, no faults, not
/// journaled; for scripts only (see <see cref="AdminRequestGuard"/>: never for a web page). For the
/// demo and for scripts (Pester) that cannot reach the in-process API.
/// </summary>
internal sealed class AdminEndpoints(EmulatorHost host, IReadOnlyList<IEmulatedService> services)
{
    private static readonly IReadOnlyList<string> Endpoints =
    [
        "GET /_emulator",
        "POST /_emulator/faults",
        "DELETE /_emulator/faults",
        "POST /_emulator/reset",
        "POST /_emulator/seed",
        "GET /_emulator/requests",
    ];

    public void Map(IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup(EmulatorEndpoints.AdminPath.Value!);
        admin.AddEndpointFilter(AdminRequestGuard.FilterAsync);
        admin.MapGet(string.Empty, Describe);
        admin.MapPost("/faults", AddFaultsAsync);
        admin.MapDelete("/faults", ClearFaults);
        admin.MapPost("/reset", Reset);
        admin.MapPost("/seed", SeedAsync);
        admin.MapGet("/requests", ListRequests);
    }

    internal EmulatorInfo Info()
    {
        var proxy = host.Options.Proxy is { } proxyOptions
            ? new ProxyInfo(host.BaseAddress.AbsoluteUri, ForwardProxy.Realm, proxyOptions.UserName, proxyOptions.Password)
            : null;
        return new EmulatorInfo(
            "TokenAdmin emulator",
            host.BaseAddress.AbsoluteUri,
            host.HttpsBaseAddress?.AbsoluteUri,
            host.AdminUri.AbsoluteUri,
            EmulatorHost.RouteNames,
            services.Select(service => service.Describe(host.BaseAddress, host.HttpsBaseAddress)).ToArray(),
            proxy,
            Endpoints);
    }

    private IResult Describe() => Results.Json(Info(), EmulatorJsonContext.Default.EmulatorInfo, JsonResults.ContentType);

    private async Task<IResult> AddFaultsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        FaultRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, EmulatorJsonContext.Default.FaultRequest, cancellationToken);
        }
        catch (JsonException exception)
        {
            return BadRequest($"Body is not a fault request: {exception.Message}");
        }

        if (body?.Route is not { } route)
        {
            return BadRequest("route is required (a route name, or * for every route).");
        }

        try
        {
            var steps = (body.Steps ?? []).Select(ToStep).ToArray();
            if (body.LatencyMs is { } latencyMs)
            {
                host.Faults.SetLatency(route, TimeSpan.FromMilliseconds(latencyMs));
            }

            if (body.ConcurrencyLimit is { } limit)
            {
                host.Faults.SetConcurrencyLimit(route, limit, body.ConcurrencyRetryAfter);
            }

            host.Faults.Enqueue(route, steps);
            return Results.Json(new FaultSummary(route, host.Faults.PendingSteps(route), body.LatencyMs), EmulatorJsonContext.Default.FaultSummary, JsonResults.ContentType);
        }
        catch (ArgumentException exception)
        {
            return BadRequest(exception.Message);
        }
    }

    private IResult ClearFaults()
    {
        host.Faults.Clear();
        return Results.NoContent();
    }

    private IResult Reset()
    {
        host.Reset();
        return Results.NoContent();
    }

    /// <summary>
    /// <c>{"hdc": {...}, "securid": {...}, ...}</c>: each section goes to its service. Every section is
    /// checked before any is added, so a mistake anywhere adds nothing.
    /// </summary>
    private async Task<IResult> SeedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            return BadRequest($"Body is not JSON: {exception.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return BadRequest("Body must be an object with a section per service, e.g. {\"hdc\":{\"tokens\":[...]}}.");
            }

            var prepared = new List<(string Service, Func<int> Add)>();
            try
            {
                foreach (var section in document.RootElement.EnumerateObject())
                {
                    var service = services.FirstOrDefault(candidate => string.Equals(candidate.Key, section.Name, StringComparison.OrdinalIgnoreCase))
                        ?? throw new SeedException($"There is no service '{section.Name}'; the services are {string.Join(", ", services.Select(candidate => candidate.Key))}.");
                    prepared.Add((service.Key, service.PrepareSeed(section.Value)));
                }
            }
            catch (SeedException exception)
            {
                return BadRequest(exception.Message);
            }

            var added = prepared.ToDictionary(step => step.Service, step => step.Add(), StringComparer.Ordinal);
            return Results.Json(new SeedSummary(added), EmulatorJsonContext.Default.SeedSummary, JsonResults.ContentType);
        }
    }

    private IResult ListRequests() =>
        Results.Json(new JournalSnapshot(host.Requests.Entries), EmulatorJsonContext.Default.JournalSnapshot, JsonResults.ContentType);

    private static FaultStep ToStep(FaultStepRequest step)
    {
        if (step is { Status: { } hangingStatus, Body: not null, Hang: true })
        {
            return FaultStep.Status(hangingStatus, step.RetryAfter, step.Body, step.ContentType, step.ReasonPhrase, step.Headers).ThenHang();
        }

        var large = step.Endless || step.BodyBytes is not null;
        var kinds = (step.Status is null ? 0 : 1) + (step.Abort ? 1 : 0) + (step.Hang ? 1 : 0) + (step.AbortAfterApplying ? 1 : 0) + (large ? 1 : 0) + (step.Pass ? 1 : 0);
        if (kinds != 1)
        {
            throw new ArgumentException("Each step needs exactly one of status, pass: true, abort: true, abortAfterApplying: true, hang: true, bodyBytes (or endless: true); a status with a body may add hang: true.", nameof(step));
        }

        return step switch
        {
            { Status: { } status } => FaultStep.Status(status, step.RetryAfter, step.Body, step.ContentType, step.ReasonPhrase, step.Headers),
            { Pass: true } => FaultStep.Pass(),
            { Abort: true } => FaultStep.Abort(),
            { AbortAfterApplying: true } => FaultStep.AbortAfterApplying(),
            { Hang: true } => FaultStep.Hang(),
            _ => FaultStep.LargeBody(step.Endless ? FaultStep.Endless : step.BodyBytes!.Value, step.Gzip),
        };
    }

    private static IResult BadRequest(string message) =>
        JsonResults.Error(StatusCodes.Status400BadRequest, "INVALID_REQUEST", message);
}
