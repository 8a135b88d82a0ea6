using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Emulator;
using TokenAdmin.Tests.Fixtures;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.CoreTests;

/// <summary>
/// Everything a service sends back passes the redactor before it reaches a log, an error or an
/// exception property; and what is read is bounded. The emulator plays a hostile service that
/// echoes the Authorization header and sends endless or inflating bodies.
/// </summary>
public sealed class HostileResponseTests : IAsyncLifetime
{
    private const string ContextsRoute = "hdc.contexts.list";
    private const string ListRoute = "hdc.tokens.list";

    private static readonly string BasicCredential =
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DemoCredentials.HdcAdminUserName}:{DemoCredentials.HdcAdminPassword}"));

    private readonly VirtualClock _clock = new();
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_reason_phrase_echoing_the_credential_is_scrubbed_from_trace_and_error()
    {
        using var client = Client();
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(500, reasonPhrase: $"Oops {FaultStep.AuthorizationPlaceholder}"));
        var trace = new RecordingTrace();

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.ListContextsAsync(trace.Call(Timeout())));

        Assert.Contains("Oops", failure.Message, StringComparison.Ordinal);
        AssertNoCredential(failure.Message + trace.All);
    }

    [Fact]
    public async Task A_request_id_and_a_location_echoing_the_credential_are_scrubbed()
    {
        using var client = Client();
        var echo = new Dictionary<string, string>
        {
            ["X-Request-Id"] = $"req-1 {FaultStep.AuthorizationPlaceholder}",
            ["Location"] = $"https://login.example/?h={FaultStep.AuthorizationPlaceholder}",
        };
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(302, headers: echo));
        var trace = new RecordingTrace();

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.ListContextsAsync(trace.Call(Timeout())));

        Assert.Equal(ServiceFailure.Redirected, failure.Failure);
        Assert.Null(failure.RequestId); // with a space and the credential in it: not a request id, so not kept at all
        Assert.Contains("login.example", failure.Message, StringComparison.Ordinal);
        AssertNoCredential(failure.Message + failure.RequestId + failure.BodyExcerpt + trace.All);
    }

    [Theory]
    [InlineData("req 1")]
    [InlineData("<script>")]
    [InlineData("a\u00e9b")]
    public async Task A_request_id_of_other_characters_or_over_128_is_not_kept(string id)
    {
        foreach (var value in new[] { id, new string('a', 129) })
        {
            using var client = Client();
            _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(500, headers: new Dictionary<string, string> { ["X-Request-Id"] = value }));

            var failure = await Assert.ThrowsAsync<ServiceException>(() => client.ListContextsAsync(new RequestContext(Timeout())));

            Assert.Null(failure.RequestId);
            Assert.DoesNotContain("Request id", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_plain_request_id_stays_readable()
    {
        using var client = Client();
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(500));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.ListContextsAsync(new RequestContext(Timeout())));

        Assert.Equal(_emulator.Requests.Entries.Last().RequestId, failure.RequestId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_larger_than_the_limit_is_refused_once_that_much_was_read_and_not_retried(bool gzip)
    {
        using var client = Client(maxResponseBytes: 1024 * 1024);
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.LargeBody(64L * 1024 * 1024, gzip));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.ListContextsAsync(new RequestContext(Timeout())));

        Assert.Equal(ServiceFailure.ResponseTooLarge, failure.Failure);
        Assert.Contains("1 MiB", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.Requests.Count(ContextsRoute));
    }

    [Fact]
    public async Task An_endless_body_ends_at_the_limit()
    {
        using var client = Client(maxResponseBytes: 2 * 1024 * 1024);
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.LargeBody(FaultStep.Endless));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.ListContextsAsync(new RequestContext(Timeout())));

        Assert.Equal(ServiceFailure.ResponseTooLarge, failure.Failure);
    }

    [Fact]
    public async Task A_body_under_the_limit_is_read_whole()
    {
        using var client = Client(maxResponseBytes: 4096);

        var contexts = await client.ListContextsAsync(new RequestContext(Timeout()));

        Assert.NotEmpty(contexts);
    }

    private HdcClient Client(long maxResponseBytes = ConnectionOptions.DefaultMaxResponseBytes) =>
        new(new ConnectionOptions(_emulator.HdcBaseUri) { MaximumRetryCount = 2, MaxResponseBytes = maxResponseBytes },
            new BasicAuthenticator(DemoCredentials.HdcAdminUserName, SecretText.Protect(DemoCredentials.HdcAdminPassword)), _clock);

    private static void AssertNoCredential(string text)
    {
        Assert.DoesNotContain(BasicCredential, text, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoCredentials.HdcAdminPassword, text, StringComparison.Ordinal);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
