using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;

namespace TokenAdmin.Core.PowerClerk;

/// <summary>PowerClerk's MFA session token endpoints over the shared HTTP core. One per connection.</summary>
public sealed class PowerClerkClient : IDisposable
{
    private const string Xml = "application/xml";

    private readonly SemaphoreSlim _renewal = new(1, 1);
    private readonly IClock _clock;
    private int? _lastLifetimeMinutes;

    public PowerClerkClient(ConnectionOptions options, PowerClerkAuthenticator authenticator, IClock? clock = null, Func<double>? random = null)
    {
        Authenticator = authenticator;
        _clock = clock ?? SystemClock.Instance;
        Http = new ServiceHttpClient(options, authenticator, PowerClerkProtocol.Redaction, new PowerClerkErrorReader(), clock, random);
    }

    public ServiceHttpClient Http { get; }

    public PowerClerkAuthenticator Authenticator { get; }

    /// <summary>
    /// With a TOTP seed: an MST that expires within this window is replaced before a request would
    /// carry it, so a long unattended run does not fail half way. Null (the default): never.
    /// </summary>
    public TimeSpan? RenewSessionTokenBefore { get; init; }

    /// <summary>
    /// [doc] POST with a TOTP as the second factor (never an MST); creating one deletes the user's
    /// previous MST. Not repeated when its outcome is unknown (each attempt would replace the last).
    /// From then on the connection sends the new MST as its second factor.
    /// </summary>
    public async Task<MfaSessionTokenInfo> CreateSessionTokenAsync(int? expiresAfterMinutes, RequestContext call)
    {
        if (expiresAfterMinutes is < 1 or > PowerClerkProtocol.MaxExpiresAfterMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAfterMinutes), expiresAfterMinutes,
                $"An MFA session token lives 1 to {PowerClerkProtocol.MaxExpiresAfterMinutes} minutes.");
        }

        var request = new ServiceRequest(HttpMethod.Post, PowerClerkProtocol.MfaSessionTokensPath, "create MFA session token")
            {
                Idempotent = false,
                Authentication = SecondFactorRule.TotpOnly,
                Classify = PowerClerkSuccess.ClassifyCreated,
            }
            .WithBody(PowerClerkXml.CreateBody(expiresAfterMinutes), Xml);
        request.Headers["Accept"] = Xml;
        var created = (await SendAsync(request, call).ConfigureAwait(false)).BodyAs<MfaSessionTokenInfo>(); // parsed once, by the classifier

        Authenticator.SessionToken = created;
        _lastLifetimeMinutes = expiresAfterMinutes;
        return created;
    }

    /// <summary>
    /// [doc] DELETE {TokenId}; no body on success. The id is checked first: letters and digits only,
    /// so nothing can change the URL path. When it is the connection's MST, the connection forgets it.
    /// </summary>
    public async Task DeleteSessionTokenAsync(string tokenId, RequestContext call)
    {
        ValidateTokenId(tokenId);
        await RenewIfDueAsync(tokenId, call).ConfigureAwait(false);
        var request = new ServiceRequest(HttpMethod.Delete, $"{PowerClerkProtocol.MfaSessionTokensPath}/{tokenId}", $"remove MFA session token {tokenId}")
        {
            Idempotent = true,
            AlreadyDoneStatus = 404,
            // [doc] The current MST may authenticate its own deletion; once an attempt whose answer was lost
            // deleted it, the retry it authenticates is refused (401), which then means the same as 404.
            AlsoAlreadyDoneStatus = Authenticator.SessionToken is { } own && string.Equals(own.TokenId, tokenId, StringComparison.Ordinal) ? 401 : null,
            Classify = PowerClerkSuccess.ClassifyDeleted,
        };
        await SendAsync(request, call).ConfigureAwait(false);
        if (Authenticator.SessionToken is { } current && string.Equals(current.TokenId, tokenId, StringComparison.Ordinal))
        {
            Authenticator.SessionToken = null;
        }
    }

    /// <summary>
    /// Replaces the connection's MST when it is about to expire (see <see cref="RenewSessionTokenBefore"/>),
    /// once for all requests waiting; never the MST the request itself is about.
    /// </summary>
    private async Task RenewIfDueAsync(string? aboutTokenId, RequestContext call)
    {
        if (RenewSessionTokenBefore is not { } window || !Authenticator.HasTotpSecret)
        {
            return;
        }

        await _renewal.WaitAsync(call.CancellationToken).ConfigureAwait(false);
        try
        {
            if (Authenticator.SessionToken is { ExpiresAt: { } expires } current
                && current.TokenId != aboutTokenId
                && expires - _clock.UtcNow <= window)
            {
                call.Trace.Verbose($"The MFA session token {current.TokenId} expires at {expires:u}; creating its successor before the next request.");
                var renewal = call.ForChange(); // its own tally: the caller's change keeps its own
                var tally = renewal.Tally!;
                MfaSessionTokenInfo successor;
                try
                {
                    successor = await CreateSessionTokenAsync(_lastLifetimeMinutes, renewal).ConfigureAwait(false);
                }
                catch (ServiceException failure)
                {
                    // Audited as the change it was meant to be: failed, or unknown when the service may have made it.
                    call.ReportOwnChange(new(RenewalOperation, "MfaSessionToken", "(new)", tally.Attempts, tally.RequestId, failure));
                    throw;
                }

                call.ReportOwnChange(new(RenewalOperation, "MfaSessionToken", successor.TokenId, tally.Attempts, tally.RequestId));
            }
        }
        finally
        {
            _renewal.Release();
        }
    }

    private const string RenewalOperation = "Renew MFA session token";

    /// <summary>Sends the request; its answer tells the authenticator whether the account uses MFA.</summary>
    private async Task<ServiceResponse> SendAsync(ServiceRequest request, RequestContext call)
    {
        try
        {
            var response = await Http.SendAsync(request, call).ConfigureAwait(false);
            Authenticator.Answered(response.CredentialSent, null);
            return response;
        }
        catch (ServiceException failure)
        {
            Authenticator.Answered(failure.CredentialSent, failure);
            throw;
        }
    }

    /// <summary>Refused before anything is sent: not 1 to 64 letters and digits.</summary>
    public static void ValidateTokenId(string tokenId)
    {
        if (string.IsNullOrEmpty(tokenId) || !PowerClerkProtocol.TokenIdPattern.IsMatch(tokenId))
        {
            var shown = tokenId is null ? "(none)" : Text.EchoedText.Of(tokenId);
            throw new ArgumentException($"An MFA session token id is 1 to 64 letters and digits (like RXKVCEZTR0GN); '{shown}' is not.", nameof(tokenId));
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        Authenticator.Dispose();
        _renewal.Dispose();
    }
}
