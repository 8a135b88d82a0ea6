using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Apstrata;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Emulator;
using TokenAdmin.Tests.Fixtures;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Apstrata;

/// <summary>The apstrata client against the emulator, which verifies both signature modes independently; one virtual clock.</summary>
public sealed class ApstrataClientTests : IAsyncLifetime
{
    private readonly VirtualClock _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = _clock });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_success_without_its_result_is_an_UnexpectedResponse_naming_the_absolute_URL()
    {
        using var user = Client(ApstrataAuthenticator.ForUser(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, ApstrataDemo.UserLogin, SecretText.Protect(ApstrataDemo.UserPassword), ApstrataSigningMode.Simple, _clock));
        _emulator.Faults.Enqueue(ApstrataRouteNames.VerifyCredentials, FaultStep.Status(200,
            body: """{"response":{"metadata":{"requestId":"r1","status":"success"}}}""", contentType: "application/json"));

        var failure = await Assert.ThrowsAsync<ServiceException>(() => user.GenerateTokenAsync(600, 3600, new RequestContext(Timeout())));

        Assert.Equal(ServiceFailure.UnexpectedResponse, failure.Failure);
        Assert.Contains($"{_emulator.ApstrataBaseUri.AbsoluteUri}apsdb/rest/{ApstrataDemo.AuthKey}/VerifyCredentials", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApstrataSigningMode.Complex)]
    [InlineData(ApstrataSigningMode.Simple)]
    public async Task A_user_generates_a_token_and_the_owner_deletes_it_in_either_signature_mode(ApstrataSigningMode mode)
    {
        using var user = Client(ApstrataAuthenticator.ForUser(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, ApstrataDemo.UserLogin, SecretText.Protect(ApstrataDemo.UserPassword), mode, _clock));
        var token = await user.GenerateTokenAsync(600, 3600, new RequestContext(Timeout()));

        Assert.Equal(ApstrataDemo.UserLogin, token.User);
        Assert.Equal(_clock.UtcNow.AddSeconds(600), token.ExpiresAt);
        Assert.Equal(_clock.UtcNow.AddSeconds(3600), token.LifetimeEndsAt);
        Assert.Equal(SecretText.Reveal(token.Token), Assert.Single(_emulator.Apstrata.Tokens).Value);

        using var owner = Client(ApstrataAuthenticator.ForOwner(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, SecretText.Protect(ApstrataDemo.OwnerSecret), mode, _clock));
        await owner.DeleteUserTokensAsync(new[] { ApstrataDemo.UserLogin, ApstrataDemo.UserLogin, ApstrataDemo.OtherLogin }, new RequestContext(Timeout()));

        Assert.Empty(_emulator.Apstrata.Tokens);
    }

    [Fact]
    public async Task A_base_url_without_a_trailing_slash_signs_the_url_actually_sent()
    {
        var bare = new Uri(_emulator.ApstrataBaseUri.AbsoluteUri.TrimEnd('/'));
        using var user = new ApstrataClient(new ConnectionOptions(bare),
            ApstrataAuthenticator.ForUser(bare, ApstrataDemo.AuthKey, ApstrataDemo.UserLogin, SecretText.Protect(ApstrataDemo.UserPassword), ApstrataSigningMode.Complex, _clock), _clock);

        await user.GenerateTokenAsync(null, null, new RequestContext(Timeout()));

        Assert.Single(_emulator.Apstrata.Tokens);
    }

    [Fact]
    public async Task A_token_connection_renews_its_token_the_old_one_lives_5_s_and_then_deletes_its_own()
    {
        var token = await GenerateAsync();
        var authenticator = ApstrataAuthenticator.ForToken(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, ApstrataDemo.UserLogin, token.Token, _clock);
        using var client = Client(authenticator);

        var renewed = await client.RenewTokenAsync(new RequestContext(Timeout()));

        Assert.NotEqual(SecretText.Reveal(token.Token), SecretText.Reveal(renewed.Token));
        Assert.Equal(_clock.UtcNow.AddSeconds(5), _emulator.Apstrata.Tokens.Single(t => t.Value == SecretText.Reveal(token.Token)).ExpiresAt);
        await client.DeleteOwnTokenAsync(new RequestContext(Timeout())); // with the renewed token
        Assert.DoesNotContain(_emulator.Apstrata.Tokens, t => t.Value == SecretText.Reveal(renewed.Token));
    }

    [Fact]
    public async Task A_Set_Cookie_that_expires_the_token_cookie_is_accepted_silently()
    {
        var token = await GenerateAsync();
        using var client = Client(ApstrataAuthenticator.ForToken(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, ApstrataDemo.UserLogin, token.Token, _clock));
        _emulator.Faults.Enqueue(ApstrataRouteNames.DeleteToken, FaultStep.Status(200,
            body: "{\"response\":{\"metadata\":{\"status\":\"success\"}}}",
            headers: new System.Collections.Generic.Dictionary<string, string> { ["Set-Cookie"] = "apsdb.authToken=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/" }));
        var trace = new RecordingTrace();

        await client.DeleteOwnTokenAsync(trace.Call(Timeout()));

        Assert.DoesNotContain(trace.Verbose, v => v.Contains("cookie", StringComparison.OrdinalIgnoreCase) && v.Contains("warn", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_deletion_applied_before_the_connection_broke_is_done_when_the_retry_hears_INVALID_TOKEN()
    {
        var token = await GenerateAsync();
        using var client = Client(ApstrataAuthenticator.ForToken(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, ApstrataDemo.UserLogin, token.Token, _clock));
        _emulator.Faults.Enqueue(ApstrataRouteNames.DeleteToken, FaultStep.AbortAfterApplying());
        var trace = new RecordingTrace();

        await client.DeleteOwnTokenAsync(trace.Call(Timeout()));

        Assert.Empty(_emulator.Apstrata.Tokens);
        Assert.Contains(trace.Verbose, v => v.Contains("already gone after a retry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_time_too_far_from_the_server_s_clock_is_INVALID_SIGNATURE()
    {
        var skewed = new VirtualClock(_clock.UtcNow.AddMinutes(20));
        using var user = Client(ApstrataAuthenticator.ForUser(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, ApstrataDemo.UserLogin, SecretText.Protect(ApstrataDemo.UserPassword), ApstrataSigningMode.Complex, skewed));

        var refused = await Assert.ThrowsAsync<ServiceException>(() => user.GenerateTokenAsync(null, null, new RequestContext(Timeout())));

        Assert.Equal("INVALID_SIGNATURE", refused.ServiceErrorCode);
    }

    [Fact]
    public async Task A_wrong_secret_is_INVALID_SIGNATURE_and_no_secret_or_signature_is_in_the_error()
    {
        using var owner = Client(ApstrataAuthenticator.ForOwner(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, SecretText.Protect("Not-The-Secret-1"), ApstrataSigningMode.Complex, _clock));

        var refused = await Assert.ThrowsAsync<ServiceException>(() => owner.DeleteUserTokensAsync(new[] { "bob" }, new RequestContext(Timeout())));

        Assert.Equal("INVALID_SIGNATURE", refused.ServiceErrorCode);
        Assert.DoesNotContain("Not-The-Secret-1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("apsws.authSig=REDACTED", refused.Url ?? string.Empty, StringComparison.Ordinal); // named, never its value
    }

    [Fact]
    public async Task A_failure_inside_a_200_is_the_service_s_code_not_success()
    {
        _emulator.Options.Apstrata.FailuresWithStatus200 = true;
        var token = await GenerateAsync();
        using var client = Client(ApstrataAuthenticator.ForToken(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, ApstrataDemo.OtherLogin, token.Token, _clock));

        var refused = await Assert.ThrowsAsync<ServiceException>(() => client.DeleteOwnTokenAsync(new RequestContext(Timeout())));

        Assert.Equal(ServiceFailure.ReportedInSuccess, refused.Failure);
        Assert.Equal(200, refused.StatusCode);
        Assert.Equal("INVALID_TOKEN", refused.ServiceErrorCode);
    }

    [Fact]
    public async Task More_than_100_logins_in_one_request_are_refused_before_sending()
    {
        using var owner = Client(ApstrataAuthenticator.ForOwner(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, SecretText.Protect(ApstrataDemo.OwnerSecret), ApstrataSigningMode.Complex, _clock));

        await Assert.ThrowsAsync<ArgumentException>(() => owner.DeleteUserTokensAsync(Enumerable.Range(0, 101).Select(i => $"u{i}").ToList(), new RequestContext(Timeout())));

        Assert.Empty(_emulator.Requests.Entries);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(86401, null)]
    [InlineData(600, 300)]
    public async Task Token_bounds_are_checked_before_sending(int expires, int? lifetime)
    {
        using var user = Client(ApstrataAuthenticator.ForUser(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, ApstrataDemo.UserLogin, SecretText.Protect(ApstrataDemo.UserPassword), ApstrataSigningMode.Complex, _clock));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => user.GenerateTokenAsync(expires, lifetime, new RequestContext(Timeout())));

        Assert.Empty(_emulator.Requests.Entries);
    }

    [Theory]
    [InlineData(true, 0, "USERLIST_REQUIRED")]
    [InlineData(true, 101, "INVALID_USERLIST")]
    [InlineData(false, 0, "USER_TOKEN_REQUIRED")]
    [InlineData(false, 1, "INVALID_PARAMETER")]
    public async Task The_emulator_answers_every_documented_DeleteToken_error_to_signed_requests_the_cmdlets_never_send(bool owner, int logins, string code)
    {
        using var client = Client(owner
            ? ApstrataAuthenticator.ForOwner(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, SecretText.Protect(ApstrataDemo.OwnerSecret), ApstrataSigningMode.Complex, _clock)
            : ApstrataAuthenticator.ForUser(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, ApstrataDemo.UserLogin, SecretText.Protect(ApstrataDemo.UserPassword), ApstrataSigningMode.Complex, _clock));
        var parameters = Enumerable.Range(0, logins).Select(i => new System.Collections.Generic.KeyValuePair<string, string>("userList", $"u{i}")).ToList();
        var request = new ServiceRequest(System.Net.Http.HttpMethod.Post, $"apsdb/rest/{ApstrataDemo.AuthKey}/DeleteToken", "raw delete")
        {
            Authentication = new ApstrataCall("DeleteToken", parameters),
        }.WithBody(string.Join("&", parameters.Select(p => $"{p.Key}={p.Value}")), "application/x-www-form-urlencoded");

        var refused = await Assert.ThrowsAsync<ServiceException>(() => client.Http.SendAsync(request, new RequestContext(Timeout())));

        Assert.Equal(code, refused.ServiceErrorCode);
        Assert.Equal(400, refused.StatusCode);
    }

    private async Task<ApstrataTokenInfo> GenerateAsync()
    {
        using var user = Client(ApstrataAuthenticator.ForUser(_emulator.ApstrataBaseUri, ApstrataDemo.AuthKey, ApstrataDemo.UserLogin, SecretText.Protect(ApstrataDemo.UserPassword), ApstrataSigningMode.Complex, _clock));
        return await user.GenerateTokenAsync(600, 3600, new RequestContext(Timeout()));
    }

    private ApstrataClient Client(ApstrataAuthenticator authenticator) =>
        new(new ConnectionOptions(_emulator.ApstrataBaseUri) { MaximumRetryCount = 1 }, authenticator, _clock);

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
