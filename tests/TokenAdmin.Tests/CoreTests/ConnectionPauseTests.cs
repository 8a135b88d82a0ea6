using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.Redaction;
using TokenAdmin.Emulator;
using TokenAdmin.Tests.Fixtures;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.CoreTests;

/// <summary>
/// "A 429 pauses the whole connection" holds for requests already waiting: a later 429's
/// Retry-After window keeps them waiting too. Time is a stepping clock; the emulator is real.
/// </summary>
public sealed class ConnectionPauseTests : IAsyncLifetime
{
    private const string ListRoute = "hdc.tokens.list";
    private const string ContextsRoute = "hdc.contexts.list";
    private const string UpdateRoute = "hdc.tokens.update";

    private readonly VirtualClock _clock = new(holdDelays: true);
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_request_waiting_out_a_pause_waits_again_when_a_later_429_extends_it()
    {
        using var client = new ServiceHttpClient(new ConnectionOptions(_emulator.HdcBaseUri) { MaximumRetryCount = 3 },
            new BasicAuthenticator(DemoCredentials.HdcAdminUserName, SecretText.Protect(DemoCredentials.HdcAdminPassword)),
            RedactionRules.Default, clock: _clock, random: () => 0.5);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // 1. A request leaves before any pause; its answer, released later, will be "429, wait 10 s".
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _emulator.Faults.Enqueue(UpdateRoute, FaultStep.Status(429, "10").After(release.Task), FaultStep.Status(204));
        var slow = client.SendAsync(new ServiceRequest(HttpMethod.Put, "api/authtokens", "update") { Idempotent = true }.WithBody("{}", "application/json"), new RequestContext(timeout.Token));
        await _emulator.Requests.WaitForArrivalAsync(UpdateRoute, timeout.Token);

        // 2. Meanwhile a 429 says "2 s": the connection pauses until start + 2 s (its own retry waits too).
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(429, "2"));
        var first = client.SendAsync(Get("api/authtokens/context/json"), new RequestContext(timeout.Token));
        await _clock.WaitForDelaysAsync(1);

        // 3. A new request starts waiting out that pause.
        var waiting = client.SendAsync(Get("api/authtokens/json"), new RequestContext(timeout.Token));
        await _clock.WaitForDelaysAsync(2);

        // 4. The held request's "10 s" arrives: the pause now lasts until start + 10 s.
        release.SetResult();
        await _clock.WaitForDelaysAsync(3);

        // 5. Two seconds on, the waiting request wakes inside the 10 s window: it waits again instead of sending.
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _clock.WaitForDelaysAsync(5); // the waiting request and the first one's retry each wait again
        Assert.Equal(0, _emulator.Requests.Count(ListRoute));

        // 6. After the window everything goes, and nothing left inside it.
        _clock.Advance(TimeSpan.FromSeconds(8));
        await Task.WhenAll(first, waiting, slow);
        Assert.Equal(1, _emulator.Requests.Count(ListRoute));
        Assert.Equal(_clock.Start.AddSeconds(10), _clock.UtcNow);
    }

    private static ServiceRequest Get(string path) => ServiceRequest.Create(HttpMethod.Get, path, "read").WithAccept();
}

internal static class ServiceRequestTestExtensions
{
    public static ServiceRequest WithAccept(this ServiceRequest request)
    {
        request.Headers["Accept"] = "application/json";
        return request;
    }
}
