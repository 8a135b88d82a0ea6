using System;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.PowerClerk;
using TokenAdmin.Emulator;
using TokenAdmin.Tests.Fixtures;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.PowerClerk;

/// <summary>
/// The PowerClerk client against the emulator over real HTTP; the client and the emulator read the
/// same virtual clock, so TOTP steps and MST expiry are exact and nothing sleeps.
/// </summary>
public sealed class PowerClerkClientTests : IAsyncLifetime
{
    private readonly VirtualClock _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 5, TimeSpan.Zero));
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = _clock });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task The_full_flow_creates_an_MST_uses_it_as_the_second_factor_and_removes_it()
    {
        using var client = Client(totpSecret: PowerClerkDemo.MfaTotpSecret);

        var created = await client.CreateSessionTokenAsync(60, new RequestContext(Timeout()));

        var held = Assert.Single(_emulator.PowerClerk.SessionTokens);
        Assert.Equal(held.TokenId, created.TokenId);
        Assert.Equal(_clock.UtcNow.AddMinutes(60).ToUnixTimeSeconds(), created.ExpiresAt!.Value.ToUnixTimeSeconds());
        Assert.Equal(held.TokenId, client.Authenticator.SessionToken!.TokenId);

        var trace = new Support.RecordingTrace();
        await client.DeleteSessionTokenAsync(created.TokenId, trace.Call(Timeout()));

        // The delete carried the MST (its header is in the request log, its value never).
        Assert.Contains(trace.Debug, line => line.Contains(PowerClerkProtocol.SessionTokenHeader, StringComparison.OrdinalIgnoreCase)
            && !line.Contains(PowerClerkProtocol.TotpHeader, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(_emulator.PowerClerk.SessionTokens);
        Assert.Null(client.Authenticator.SessionToken);
    }

    [Fact]
    public async Task A_second_code_is_never_the_first_one_replayed_it_waits_for_the_next_step()
    {
        using var client = Client(totpSecret: PowerClerkDemo.MfaTotpSecret);

        var first = await client.CreateSessionTokenAsync(null, new RequestContext(Timeout()));
        var second = await client.CreateSessionTokenAsync(null, new RequestContext(Timeout()));

        // The second create waited for the next 30 s step (the emulator refuses a replayed code).
        Assert.Contains(_clock.Delays, d => d > TimeSpan.Zero && d <= Totp.Step);
        Assert.NotEqual(first.TokenId, second.TokenId);
        Assert.Equal(second.TokenId, Assert.Single(_emulator.PowerClerk.SessionTokens).TokenId); // the first was replaced

        // The replaced MST is refused as a second factor.
        client.Authenticator.SessionToken = first;
        var refused = await Assert.ThrowsAsync<ServiceException>(() => client.DeleteSessionTokenAsync(second.TokenId, new RequestContext(Timeout())));
        Assert.Equal(401, refused.StatusCode);
        Assert.Equal("INVALID_MFA", refused.ServiceErrorCode);
    }

    [Fact]
    public async Task An_expired_MST_is_not_sent_and_without_a_seed_the_request_has_no_factor()
    {
        using var client = Client(oneTimeCode: CodeNow());
        var created = await client.CreateSessionTokenAsync(1, new RequestContext(Timeout()));

        _clock.Advance(TimeSpan.FromMinutes(2));
        var refused = await Assert.ThrowsAsync<ServiceException>(() => client.DeleteSessionTokenAsync(created.TokenId, new RequestContext(Timeout())));

        Assert.Same(SecondFactorSent.None, refused.CredentialSent); // what that request sent, on its failure
        Assert.Equal("MFA_REQUIRED", refused.ServiceErrorCode);
    }

    [Fact]
    public async Task With_renewal_on_an_MST_about_to_expire_is_replaced_before_a_request_carries_it()
    {
        using var client = Client(totpSecret: PowerClerkDemo.MfaTotpSecret, renewBefore: TimeSpan.FromMinutes(5));
        var first = await client.CreateSessionTokenAsync(10, new RequestContext(Timeout()));

        _clock.Advance(TimeSpan.FromMinutes(6));
        var trace = new Support.RecordingTrace();
        var missing = await Assert.ThrowsAsync<ServiceException>(() => client.DeleteSessionTokenAsync("NOSUCHTOKEN1", trace.Call(Timeout()))); // 404, but with a fresh factor

        var renewed = Assert.Single(_emulator.PowerClerk.SessionTokens);
        Assert.NotEqual(first.TokenId, renewed.TokenId);
        // Told to the command as a change of its own (the audit log has a line for it).
        Assert.Equal([$"Renew MFA session token|MfaSessionToken|{renewed.TokenId}|1|request id"], trace.OwnChanges);
        Assert.Equal(renewed.TokenId, client.Authenticator.SessionToken!.TokenId);
        Assert.Same(SecondFactorSent.SessionToken, missing.CredentialSent);
    }

    [Fact]
    public async Task Without_renewal_an_MST_is_never_replaced_unasked()
    {
        using var client = Client(totpSecret: PowerClerkDemo.MfaTotpSecret);
        var first = await client.CreateSessionTokenAsync(10, new RequestContext(Timeout()));

        _clock.Advance(TimeSpan.FromMinutes(6));
        await Assert.ThrowsAsync<ServiceException>(() => client.DeleteSessionTokenAsync("NOSUCHTOKEN1", new RequestContext(Timeout())));

        Assert.Equal(first.TokenId, Assert.Single(_emulator.PowerClerk.SessionTokens).TokenId);
    }

    [Fact]
    public async Task An_MFA_account_connected_without_a_factor_is_known_to_use_MFA_once_the_service_asks_for_one()
    {
        using var client = Client();
        Assert.Null(client.Authenticator.UsesMfa);

        var refused = await Assert.ThrowsAsync<ServiceException>(() => client.DeleteSessionTokenAsync("RXKVCEZTR0GN", new RequestContext(Timeout())));

        Assert.Equal("MFA_REQUIRED", refused.ServiceErrorCode);
        Assert.True(client.Authenticator.UsesMfa);
    }

    [Fact]
    public async Task An_account_without_MFA_needs_no_second_factor()
    {
        using var client = Client(userName: PowerClerkDemo.PlainUserName, password: PowerClerkDemo.PlainPassword);
        Assert.Null(client.Authenticator.UsesMfa); // nothing given, nothing answered yet: not known

        await client.CreateSessionTokenAsync(null, new RequestContext(Timeout()));
        var created = await client.CreateSessionTokenAsync(null, new RequestContext(Timeout())); // an MST held is no reason to demand a code
        await client.DeleteSessionTokenAsync(created.TokenId, new RequestContext(Timeout()));

        Assert.False(client.Authenticator.UsesMfa); // the service accepted a request without a factor
        Assert.Empty(_emulator.PowerClerk.SessionTokens);
    }

    [Theory]
    [InlineData("wrong-password", PowerClerkDemo.ApiKey, "123456", "INVALID_CREDENTIALS")]
    [InlineData(PowerClerkDemo.MfaPassword, "wrong-api-key-0000", "123456", "INVALID_API_KEY")]
    [InlineData(PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey, "000000", "INVALID_MFA")]
    public async Task Each_refused_part_is_named_by_the_service_code(string password, string apiKey, string code, string serviceCode)
    {
        using var client = Client(password: password, apiKey: apiKey, oneTimeCode: code == "123456" ? CodeNow() : code);

        var refused = await Assert.ThrowsAsync<ServiceException>(() => client.CreateSessionTokenAsync(null, new RequestContext(Timeout())));

        Assert.Equal(401, refused.StatusCode);
        Assert.Equal(serviceCode, refused.ServiceErrorCode);
        Assert.Equal(1, refused.Attempts); // never retried
    }

    [Fact]
    public async Task Creating_needs_a_code_and_an_MST_alone_is_refused_before_sending()
    {
        using var client = Client(oneTimeCode: CodeNow());
        await client.CreateSessionTokenAsync(null, new RequestContext(Timeout()));
        var requests = _emulator.Requests.Entries.Count;

        var refused = await Assert.ThrowsAsync<ServiceException>(() => client.CreateSessionTokenAsync(null, new RequestContext(Timeout())));

        Assert.Equal(ServiceFailure.InvalidCredential, refused.Failure);
        Assert.Equal(requests, _emulator.Requests.Entries.Count);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("RXKV%2FCEZTR0GN")]
    [InlineData("RXKV CEZ")]
    [InlineData("RXKV/..")]
    [InlineData("")]
    public async Task Token_ids_that_could_change_the_path_are_refused_before_sending(string tokenId)
    {
        using var client = Client(totpSecret: PowerClerkDemo.MfaTotpSecret);

        await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteSessionTokenAsync(tokenId, new RequestContext(Timeout())));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteSessionTokenAsync(new string('A', 1024), new RequestContext(Timeout())));

        Assert.Empty(_emulator.Requests.Entries);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_then_succeeds()
    {
        using var client = Client(totpSecret: PowerClerkDemo.MfaTotpSecret);
        _emulator.Faults.Enqueue(PowerClerkRouteNames.DeleteSessionToken, FaultStep.Status(429, "2"));
        var created = await client.CreateSessionTokenAsync(null, new RequestContext(Timeout()));

        await client.DeleteSessionTokenAsync(created.TokenId, new RequestContext(Timeout()));

        Assert.Contains(TimeSpan.FromSeconds(2), _clock.Delays);
        Assert.Empty(_emulator.PowerClerk.SessionTokens);
    }

    private PowerClerkClient Client(string userName = PowerClerkDemo.MfaUserName, string password = PowerClerkDemo.MfaPassword,
        string apiKey = PowerClerkDemo.ApiKey, string? totpSecret = null, string? oneTimeCode = null, TimeSpan? renewBefore = null) =>
        new(new ConnectionOptions(_emulator.PowerClerkBaseUri),
            new PowerClerkAuthenticator(userName, SecretText.Protect(password), SecretText.Protect(apiKey),
                totpSecret is null ? null : SecretText.Protect(totpSecret), oneTimeCode is null ? null : SecretText.Protect(oneTimeCode), _clock),
            _clock)
        {
            RenewSessionTokenBefore = renewBefore,
        };

    /// <summary>What the user's authenticator app shows now.</summary>
    private string CodeNow() => Totp.Code(Totp.DecodeBase32(PowerClerkDemo.MfaTotpSecret), Totp.StepOf(_clock.UtcNow));

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
