using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
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

/// <summary>The shared HTTP core against the emulator over real HTTP on 127.0.0.1. Time is virtual.</summary>
public sealed class ServiceHttpClientTests : IAsyncLifetime
{
    private const string ContextsRoute = "hdc.contexts.list";
    private const string CreateRoute = "hdc.tokens.create";
    private const string DeleteRoute = "hdc.tokens.delete";

    private readonly VirtualClock _clock = new();
    private readonly List<ServiceHttpClient> _clients = new();
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task The_verbose_lines_of_a_change_say_which_item_it_is_for_and_a_read_s_say_nothing_more()
    {
        var trace = new RecordingTrace();
        var change = new ServiceRequest(HttpMethod.Post, "api/authtokens", "create auth token for user 5")
            .WithBody("""{"userId":5,"context":["ReadDocuments"]}""", "application/json");

        await Client().SendAsync(change, trace.Call(Timeout()));
        await Client().SendAsync(Get("api/authtokens/context/json"), trace.Call(Timeout()));

        var url = new Uri(_emulator.HdcBaseUri, "api/authtokens").AbsoluteUri;
        Assert.Contains($"HTTP POST {url} (create auth token for user 5)", trace.Verbose);
        Assert.Contains(trace.Verbose, v => v.StartsWith($"HTTP 201 Created from POST {url} (create auth token for user 5) in ", StringComparison.Ordinal));
        Assert.Contains($"HTTP GET {new Uri(_emulator.HdcBaseUri, "api/authtokens/context/json").AbsoluteUri}", trace.Verbose);
    }

    [Fact]
    public async Task A_success_is_classified_once_and_its_parsed_body_handed_to_the_client()
    {
        var readings = 0;
        var parsed = new object();
        var classified = new ServiceRequest(HttpMethod.Get, "api/authtokens/context/json", "read")
        {
            IsRead = true,
            Classify = _ => { readings++; return SuccessReading.Success(parsed); },
        };

        var response = await Client().SendAsync(classified, new RequestContext(Timeout()));

        Assert.Equal(1, readings);
        Assert.Same(parsed, response.Body);
        Assert.Same(parsed, response.BodyAs<object>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_classifier_that_reports_a_failure_or_a_problem_fails_the_request_without_retrying_it(bool reported)
    {
        var request = new ServiceRequest(HttpMethod.Get, "api/authtokens/context/json", "read")
        {
            Idempotent = true,
            IsRead = true,
            Classify = _ => reported ? SuccessReading.Failure(new ServiceError("NOPE", "the body says no")) : SuccessReading.NotSuccess("not the documented shape"),
        };

        var failure = await Assert.ThrowsAsync<ServiceException>(() => Client().SendAsync(request, new RequestContext(Timeout())));

        Assert.Equal(reported ? "NOPE" : null, failure.ServiceErrorCode);
        Assert.Equal(reported ? ServiceFailure.ReportedInSuccess : ServiceFailure.UnexpectedResponse, failure.Failure);
        Assert.Equal(1, _emulator.Requests.Count(ContextsRoute));
    }

    [Fact]
    public async Task A_get_succeeds_and_reports_status_and_request_id()
    {
        var response = await Client().SendAsync(Get("api/authtokens/context/json"), RequestContext.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("AddCommentToChangeRequest", response.Content);
        Assert.Equal(_emulator.Requests.Entries.Single().RequestId, response.RequestId);
        Assert.Equal(1, response.Attempts);
    }

    [Fact]
    public async Task The_words_of_an_operation_are_made_only_when_an_error_needs_them()
    {
        var described = 0;
        ServiceRequest Described() => new ServiceRequest(HttpMethod.Get, "api/authtokens/context/json", () =>
        {
            described++;
            return "read contexts";
        }) { Idempotent = true };
        var verbose = new RecordingTrace();

        await Client().SendAsync(Described(), new RequestContext(Timeout()));
        await Client().SendAsync(Described(), verbose.Call(Timeout()));
        Assert.Equal(0, described); // a request that succeeds never needs them, not even for -Verbose

        _emulator.Faults.Enqueue("hdc.contexts.list", FaultStep.Status(500));
        var failure = await Assert.ThrowsAsync<ServiceException>(() => Client(o => new ConnectionOptions(o.BaseUri) { MaximumRetryCount = 0 }).SendAsync(Described(), new RequestContext(Timeout())));
        Assert.Equal(1, described);
        Assert.Contains("read contexts", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_client_serves_every_request_of_a_connection_over_its_pooled_connection()
    {
        var client = Client();

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(Get("api/authtokens/context/json"), RequestContext.None);
        }

        Assert.Single(_emulator.Requests.Entries.Select(e => e.ConnectionId).Distinct());
        Assert.All(_emulator.Requests.Entries, e => Assert.StartsWith("TokenAdmin/", e.UserAgent));
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_out_then_the_request_succeeds()
    {
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(429, "3"), FaultStep.Status(503, "1"));

        var response = await Client().SendAsync(Get("api/authtokens/context/json"), RequestContext.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(3, response.Attempts);
        Assert.Equal(new[] { TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1) }, _clock.Delays);
        Assert.Equal(3, _emulator.Requests.Count(ContextsRoute));
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_measured_against_the_clock()
    {
        var date = _clock.UtcNow.AddSeconds(12).ToString("r", CultureInfo.InvariantCulture);
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(429, date));

        await Client().SendAsync(Get("api/authtokens/context/json"), RequestContext.None);

        Assert.Equal(new[] { TimeSpan.FromSeconds(12) }, _clock.Delays);
    }

    [Fact]
    public async Task Without_retry_after_the_backoff_doubles_and_retries_stop_at_the_maximum()
    {
        _emulator.Faults.Enqueue(ContextsRoute, Enumerable.Repeat(FaultStep.Status(503), 6).ToArray());

        var failure = await Assert.ThrowsAsync<ServiceException>(() =>
            Client(o => new ConnectionOptions(o.BaseUri) { MaximumRetryCount = 4 }, random: 0).SendAsync(Get("api/authtokens/context/json"), RequestContext.None));

        Assert.Equal(503, failure.StatusCode);
        Assert.Equal(5, failure.Attempts);
        Assert.Contains("Gave up after 4 retries", failure.Message);
        Assert.Equal(new[] { 0.5, 1, 2, 4 }, _clock.Delays.Select(d => d.TotalSeconds));
        Assert.Equal(5, _emulator.Requests.Count(ContextsRoute));
    }

    [Fact]
    public async Task MaximumRetryCount_zero_sends_once()
    {
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(429, "1"));

        var failure = await Assert.ThrowsAsync<ServiceException>(() =>
            Client(o => new ConnectionOptions(o.BaseUri) { MaximumRetryCount = 0 }).SendAsync(Get("api/authtokens/context/json"), RequestContext.None));

        Assert.Equal(429, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
        Assert.Equal(1, _emulator.Requests.Count(ContextsRoute));
    }

    [Fact]
    public async Task A_create_is_not_repeated_after_a_gateway_error_because_it_may_have_happened()
    {
        _emulator.Faults.Enqueue(CreateRoute, FaultStep.Status(502));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => Client().SendAsync(Create(), RequestContext.None));

        Assert.Equal(502, failure.StatusCode);
        Assert.Contains("not repeated", failure.Message);
        Assert.Equal(1, _emulator.Requests.Count(CreateRoute));
    }

    [Fact]
    public async Task A_create_is_repeated_after_429_because_the_service_did_not_act()
    {
        _emulator.Faults.Enqueue(CreateRoute, FaultStep.Status(429, "2"));

        var response = await Client().SendAsync(Create(), RequestContext.None);

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(2, _emulator.Requests.Count(CreateRoute));
    }

    [Fact]
    public async Task A_lost_connection_is_retried_for_a_get_but_not_for_a_create()
    {
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Abort());
        _emulator.Faults.Enqueue(CreateRoute, FaultStep.Abort());
        var client = Client();

        var get = await client.SendAsync(Get("api/authtokens/context/json"), RequestContext.None);
        var create = await Assert.ThrowsAsync<ServiceException>(() => client.SendAsync(Create(), RequestContext.None));

        Assert.Equal(200, get.StatusCode);
        Assert.Equal(2, _emulator.Requests.Count(ContextsRoute));
        Assert.Equal(ServiceFailure.ConnectionFailed, create.Failure);
        Assert.Contains("may have acted", create.Message);
        Assert.Equal(1, _emulator.Requests.Count(CreateRoute));
    }

    [Fact]
    public async Task A_refused_connection_never_reached_the_service_so_even_a_create_is_retried()
    {
        var closedPort = ClosedLoopbackPort();
        var client = Client(_ => new ConnectionOptions(new Uri($"http://127.0.0.1:{closedPort}/hdc/")) { MaximumRetryCount = 2 });

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.SendAsync(Create(), RequestContext.None));

        Assert.Equal(ServiceFailure.ConnectionFailed, failure.Failure);
        Assert.Equal(3, failure.Attempts);
        Assert.Equal(2, _clock.Delays.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_response_slower_than_TimeoutSec_is_a_timeout_and_the_request_is_abandoned()
    {
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Hang());
        var client = Client(o => new ConnectionOptions(o.BaseUri) { TimeoutSec = 1, MaximumRetryCount = 0 });

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.SendAsync(Get("api/authtokens/context/json"), RequestContext.None));

        Assert.Equal(ServiceFailure.Timeout, failure.Failure);
        Assert.Contains("-TimeoutSec", failure.Message);
        var entry = await _emulator.Requests.WaitForCompletionAsync(ContextsRoute, Timeout());
        Assert.True(entry.Aborted);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancellation_reaches_the_socket()
    {
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Hang());
        using var stop = new CancellationTokenSource();
        var sending = Client().SendAsync(Get("api/authtokens/context/json"), new RequestContext(stop.Token));

        await _emulator.Requests.WaitForArrivalAsync(ContextsRoute, Timeout());
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        var entry = await _emulator.Requests.WaitForCompletionAsync(ContextsRoute, Timeout());
        Assert.True(entry.Aborted);
        Assert.Empty(_clock.Delays); // not retried
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancellation_interrupts_a_retry_wait()
    {
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(503, "30"));
        var clock = new VirtualClock(holdDelays: true);
        using var stop = new CancellationTokenSource();
        var sending = Client(clock: clock).SendAsync(Get("api/authtokens/context/json"), new RequestContext(stop.Token));

        await clock.WaitForDelayAsync(Timeout());
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Equal(1, _emulator.Requests.Count(ContextsRoute));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_429_pauses_the_whole_connection_not_only_the_request_that_got_it()
    {
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(429, "5"));
        var clock = new VirtualClock(holdDelays: true);
        var client = Client(clock: clock);

        var first = client.SendAsync(Get("api/authtokens/context/json"), RequestContext.None);
        await clock.WaitForDelayAsync(Timeout()); // the first request waits out its Retry-After
        var second = client.SendAsync(Get("api/authtokens/json"), RequestContext.None);
        await clock.WaitForDelayAsync(Timeout()); // so does the second, before sending anything

        Assert.Equal(0, _emulator.Requests.Count("hdc.tokens.list"));
        Assert.Equal(new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5) }, clock.Delays);
        clock.ReleaseAll();
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task Http_to_a_remote_host_is_refused_before_anything_is_sent()
    {
        var failure = Assert.Throws<ServiceException>(() => Client(_ => new ConnectionOptions(new Uri("http://hdc.example.com/"))));
        Assert.Equal(ServiceFailure.InvalidEndpoint, failure.Failure);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_redirect_is_reported_not_followed_with_credentials()
    {
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(302));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => Client().SendAsync(Get("api/authtokens/context/json"), RequestContext.None));

        Assert.Equal(ServiceFailure.Redirected, failure.Failure);
        Assert.Single(_emulator.Requests.Entries);
    }

    [Fact]
    public async Task An_error_carries_status_service_code_request_id_and_a_redacted_excerpt()
    {
        var request = Delete("no-such-token-0123456789abcdef0123456789");

        var failure = await Assert.ThrowsAsync<ServiceException>(() => Client().SendAsync(request, RequestContext.None));

        var entry = _emulator.Requests.Entries.Single();
        Assert.Equal(404, failure.StatusCode);
        Assert.Equal("TOKEN_NOT_FOUND", failure.ServiceErrorCode);
        Assert.Equal(entry.RequestId, failure.RequestId);
        Assert.Contains("TOKEN_NOT_FOUND", failure.BodyExcerpt);
        Assert.Contains(entry.RequestId, failure.Message);
        Assert.DoesNotContain("no-such-token", failure.ToString());
    }

    [Fact]
    public async Task A_delete_sends_its_json_body()
    {
        var token = _emulator.Hdc.Tokens[0].Token;

        var response = await Client().SendAsync(Delete(token), RequestContext.None);

        Assert.Equal(204, response.StatusCode);
        Assert.Equal($$"""{"token":"redacted:{{TokenAdmin.Core.Text.TokenFingerprint.Of(token)}}"}""", _emulator.Requests.Entries.Single().Body); // the journal keeps the fingerprint
        Assert.Null(_emulator.Hdc.FindToken(token));
    }

    [Fact]
    public async Task Verbose_shows_method_url_status_and_duration_and_debug_shows_redacted_headers_and_bodies()
    {
        var trace = new RecordingTrace();
        var token = _emulator.Hdc.Tokens[0].Token;

        await Client().SendAsync(Get("api/authtokens/json"), trace.Call());
        await Client().SendAsync(Delete(token), trace.Call());

        var listUrl = $"{_emulator.HdcBaseUri}api/authtokens/json";
        Assert.Contains($"HTTP GET {listUrl}", trace.Verbose);
        Assert.Matches($@"^HTTP 200 OK from GET {System.Text.RegularExpressions.Regex.Escape(listUrl)} in \d+ ms$", trace.Verbose[1]);
        Assert.Contains(trace.Debug, d => d.Contains("Authorization: REDACTED") && d.Contains("Accept: application/json"));
        Assert.Contains(trace.Debug, d => d.Contains("\"userFullName\":\"Ada Lovelace\"") && d.Contains("\"token\":\"REDACTED\""));
        Assert.Contains(trace.Debug, d => d.Contains("HTTP request DELETE") && d.Contains("{\"token\":\"REDACTED\"}"));
        AssertAbsent(trace.All, _emulator.Hdc.Tokens.Select(t => t.Token).Append(token).Append(DemoCredentials.HdcAdminPassword));
    }

    [Fact]
    public async Task Secrets_echoed_by_the_service_are_removed_from_errors_and_logs()
    {
        var token = _emulator.Hdc.Tokens[0].Token;
        var echo = $$"""{"success":false,"errorCode":"BAD {{token}}","message":"token {{token}} rejected for demo.admin:{{DemoCredentials.HdcAdminPassword}}","token":"{{token}}"}""";
        _emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(400, body: echo));
        var trace = new RecordingTrace();

        var failure = await Assert.ThrowsAsync<ServiceException>(() => Client().SendAsync(Delete(token), trace.Call()));

        AssertAbsent(trace.All + failure + failure.BodyExcerpt + failure.ServiceMessage + failure.ServiceErrorCode,
            new[] { token, DemoCredentials.HdcAdminPassword });
        Assert.Contains("rejected", failure.Message);
    }

    [Fact]
    public async Task Bearer_tokens_and_basic_credentials_never_reach_logs_or_errors()
    {
        _emulator.Faults.Enqueue(ContextsRoute, FaultStep.Status(500, body: $"plain text echo {DemoCredentials.HdcAdminAccessToken}", contentType: "text/plain"));
        var trace = new RecordingTrace();
        var client = Client(authenticator: new BearerAuthenticator(SecretText.Protect(DemoCredentials.HdcAdminAccessToken)));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => client.SendAsync(Get("api/authtokens/context/json"), trace.Call()));

        AssertAbsent(trace.All + failure + failure.BodyExcerpt, new[] { DemoCredentials.HdcAdminAccessToken });
        Assert.Equal("Bearer", _emulator.Requests.Entries.Single().AuthScheme);
    }

    [Fact]
    public async Task Certificates_are_checked_unless_SkipCertificateCheck()
    {
        await using var https = await EmulatorHost.StartAsync(new EmulatorOptions { EnableHttps = true });
        var baseUri = new Uri(https.HttpsBaseAddress!, "hdc/");

        var refused = await Assert.ThrowsAsync<ServiceException>(() =>
            Client(_ => new ConnectionOptions(baseUri)).SendAsync(Get("api/authtokens/context/json"), RequestContext.None));
        var accepted = await Client(_ => new ConnectionOptions(baseUri) { SkipCertificateCheck = true })
            .SendAsync(Get("api/authtokens/context/json"), RequestContext.None);

        Assert.Equal(ServiceFailure.CertificateRejected, refused.Failure);
        Assert.Empty(_clock.Delays); // not retried: repeating cannot help
        Assert.Equal(200, accepted.StatusCode);
    }

    [Fact]
    public async Task Requests_go_through_the_proxy_with_its_credentials()
    {
        await using var proxy = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            Proxy = new ProxyOptions(), // demands DemoCredentials.ProxyUserName / ProxyPassword
        });
        var target = new Uri("http://tenant.hdc.example/hdc/");

        var response = await Client(_ => new ConnectionOptions(target)
        {
            AllowUnencryptedAuthentication = true,
            Proxy = proxy.BaseAddress,
            ProxyCredential = new NetworkCredential(DemoCredentials.ProxyUserName, DemoCredentials.ProxyPassword),
        }).SendAsync(Get("api/authtokens/context/json"), RequestContext.None);
        var refused = await Assert.ThrowsAsync<ServiceException>(() => Client(_ => new ConnectionOptions(target)
        {
            AllowUnencryptedAuthentication = true,
            Proxy = proxy.BaseAddress,
        }).SendAsync(Get("api/authtokens/context/json"), RequestContext.None));

        Assert.Equal(200, response.StatusCode);
        var proxied = proxy.Requests.Entries.First(e => e.StatusCode == 200);
        Assert.True(proxied.ViaProxy);
        Assert.Equal("tenant.hdc.example", proxied.TargetHost);
        Assert.Equal(407, refused.StatusCode);
    }

    private ServiceHttpClient Client(Func<ConnectionOptions, ConnectionOptions>? options = null, IRequestAuthenticator? authenticator = null,
        IClock? clock = null, double? random = null)
    {
        var settings = options?.Invoke(new ConnectionOptions(_emulator.HdcBaseUri)) ?? new ConnectionOptions(_emulator.HdcBaseUri);
        var client = new ServiceHttpClient(settings,
            authenticator ?? new BasicAuthenticator(DemoCredentials.HdcAdminUserName, SecretText.Protect(DemoCredentials.HdcAdminPassword)),
            RedactionRules.ForFields("list", "name", "code", "userId", "userFullName", "context", "errorCode", "message", "success"),
            new JsonErrorReader(), clock ?? _clock, random is { } r ? () => r : null);
        _clients.Add(client);
        return client;
    }

    private static ServiceRequest Get(string path)
    {
        var request = ServiceRequest.Create(HttpMethod.Get, path, "read");
        request.Headers["Accept"] = "application/json";
        return request;
    }

    private static ServiceRequest Create() =>
        ServiceRequest.Create(HttpMethod.Post, "api/authtokens", "create").WithBody("""{"userId":5,"context":["ReadDocuments"]}""", "application/json");

    private static ServiceRequest Delete(string token)
    {
        var request = ServiceRequest.Create(HttpMethod.Delete, "api/authtokens", "delete").WithBody($$"""{"token":"{{token}}"}""", "application/json");
        request.SensitiveValues.Add(token);
        return request;
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void AssertAbsent(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private sealed class JsonErrorReader : IServiceErrorReader
    {
        public ServiceError? Read(ServiceResponse response)
        {
            using var json = System.Text.Json.JsonDocument.Parse(response.Content);
            return new ServiceError(json.RootElement.GetProperty("errorCode").GetString(), json.RootElement.GetProperty("message").GetString());
        }
    }
}
