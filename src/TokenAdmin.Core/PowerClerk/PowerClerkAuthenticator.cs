using System;
using System.Linq;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.PowerClerk;

/// <summary>
/// Every PowerClerk request carries HTTP Basic, the API key and, for an account with MFA, a second
/// factor: the connection's MFA session token while it is valid, else a TOTP ([doc] either is
/// accepted; creating an MST takes only a TOTP). A TOTP is never sent twice: a second request in
/// the same 30-second step waits for the next step, since the service may refuse a replayed code.
/// </summary>
public sealed class PowerClerkAuthenticator : IRequestAuthenticator, IDisposable
{
    private readonly BasicAuthenticator _basic;
    private readonly SecureString _apiKey;
    private readonly byte[]? _totpSeed;
    private readonly IClock _clock;
    private readonly SemaphoreSlim _totpGate = new(1, 1);
    private SecureString? _oneTimeCode;
    private long _lastTotpStep = long.MinValue;
    private bool _mfaGiven;
    private int _mfaAnswered; // what the service's answers said: 0 nothing yet, 1 MFA required, 2 not required
    private MfaSessionTokenInfo? _sessionToken;

    /// <param name="totpSecret">Base32 seed, so codes are computed here; or null.</param>
    /// <param name="oneTimeCode">One code typed by the user, usable once; or null.</param>
    public PowerClerkAuthenticator(string userName, SecureString password, SecureString apiKey, SecureString? totpSecret, SecureString? oneTimeCode, IClock clock)
    {
        _basic = new BasicAuthenticator(userName, password);
        _apiKey = SecretText.ForHeader(apiKey, "The API key");
        _clock = clock;
        if (totpSecret is not null)
        {
            try
            {
                _totpSeed = Totp.DecodeBase32(SecretText.Reveal(totpSecret));
            }
            catch (FormatException ex)
            {
                throw ServiceException.InvalidCredential(ex.Message);
            }

            if (_totpSeed.Length < PowerClerkProtocol.MinTotpSeedBytes)
            {
                throw ServiceException.InvalidCredential(
                    $"The TOTP secret is {_totpSeed.Length * 8} bits long; an authenticator app's seed has at least {PowerClerkProtocol.MinTotpSeedBytes * 8} (16 base32 characters), so it looks cut short. Pass the whole seed.");
            }
        }

        if (oneTimeCode is not null)
        {
            SetOneTimeCode(oneTimeCode);
        }
    }

    public string Scheme => "Basic";

    public string UserName => _basic.UserName;

    /// <summary>
    /// Whether the account uses MFA: true when the connection was given a second factor (a TOTP seed or
    /// a one-time code) or the service refused a request for want of one; false once the service
    /// accepted a request that carried none; null until either is known.
    /// </summary>
    public bool? UsesMfa => _totpSeed is not null || Volatile.Read(ref _mfaGiven) ? true
        : Volatile.Read(ref _mfaAnswered) switch { 1 => true, 2 => false, _ => null };

    /// <summary>
    /// Learns from an answer to a request that carried <paramref name="sent"/>: without a second factor,
    /// a refusal for want of one means MFA; any answer that got past authentication means none is needed.
    /// </summary>
    public void Answered(ICredentialSent? sent, ServiceException? failure)
    {
        if (sent != SecondFactorSent.None)
        {
            return;
        }

        if (failure is null || (failure.StatusCode is { } status && status != 401))
        {
            Volatile.Write(ref _mfaAnswered, 2);
        }
        else if (string.Equals(failure.ServiceErrorCode, PowerClerkProtocol.MfaRequiredCode, StringComparison.OrdinalIgnoreCase))
        {
            Volatile.Write(ref _mfaAnswered, 1);
        }
    }

    public bool HasTotpSecret => _totpSeed is not null;

    /// <summary>A one-time code was given (-TotpCode, New-MfaSessionToken -TotpCode).</summary>
    public bool OneTimeCodeGiven => Volatile.Read(ref _mfaGiven);

    /// <summary>The TOTP seed's length in bits, or null without one: below RFC 4226's 128 the Connect command warns.</summary>
    public int? TotpSeedBits => _totpSeed is null ? null : _totpSeed.Length * 8;

    /// <summary>The MST the connection sends as its second factor, until it expires or is removed.</summary>
    public MfaSessionTokenInfo? SessionToken
    {
        get => Volatile.Read(ref _sessionToken);
        set => Volatile.Write(ref _sessionToken, value);
    }

    /// <summary>A fresh one-time code from the user (New-MfaSessionToken -TotpCode); 6 to 8 digits, never echoed.</summary>
    public void SetOneTimeCode(SecureString code)
    {
        var plain = SecretText.Reveal(code).Trim();
        if (plain.Length is < 6 or > 8 || !plain.All(char.IsAsciiDigit))
        {
            throw ServiceException.InvalidCredential("A one-time code (-TotpCode) is 6 to 8 digits, as the authenticator app shows it.");
        }

        var copy = SecretText.Protect(plain);
        Volatile.Write(ref _mfaGiven, true);
        Volatile.Write(ref _oneTimeCode, copy);
    }

    public async ValueTask AuthenticateAsync(OutgoingRequest request, CancellationToken cancellationToken)
    {
        await _basic.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        var apiKey = SecretText.Reveal(_apiKey);
        request.Headers[PowerClerkProtocol.ApiKeyHeader] = apiKey;
        request.SensitiveValues.Add(apiKey);

        var rule = request.Source.Authentication as SecondFactorRule ?? SecondFactorRule.Any;
        if (rule == SecondFactorRule.Any && SessionToken is { } mst && (mst.ExpiresAt is null || mst.ExpiresAt > _clock.UtcNow))
        {
            var token = SecretText.Reveal(mst.Token);
            request.Headers[PowerClerkProtocol.SessionTokenHeader] = token;
            request.SensitiveValues.Add(token);
            request.CredentialSent = SecondFactorSent.SessionToken;
            return;
        }

        if (await NextTotpAsync(cancellationToken).ConfigureAwait(false) is { } code)
        {
            request.Headers[PowerClerkProtocol.TotpHeader] = code;
            request.SensitiveValues.Add(code);
            request.CredentialSent = SecondFactorSent.Totp;
            return;
        }

        if (rule == SecondFactorRule.TotpOnly && UsesMfa == true)
        {
            // An account with MFA: without a code the service would refuse; say why before sending.
            throw ServiceException.InvalidCredential(
                "Creating an MFA session token needs a one-time code: pass -TotpCode (or connect with -TotpSecret). An MFA session token cannot create another.");
        }

        request.CredentialSent = SecondFactorSent.None;
    }

    public void Dispose()
    {
        _apiKey.Dispose();
        _totpGate.Dispose();
        if (_totpSeed is not null)
        {
            Array.Clear(_totpSeed);
        }
    }

    /// <summary>The one-time code given (once), else a computed code for a step not used before; null without either.</summary>
    private async Task<string?> NextTotpAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _oneTimeCode, null) is { } given)
        {
            using (given)
            {
                return SecretText.Reveal(given).Trim();
            }
        }

        if (_totpSeed is null)
        {
            return null;
        }

        await _totpGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var step = Totp.StepOf(_clock.UtcNow);
            if (step <= _lastTotpStep)
            {
                // This step's code was sent already: wait for the next step rather than replay it.
                await _clock.DelayAsync(Totp.StartOf(_lastTotpStep + 1) - _clock.UtcNow, cancellationToken).ConfigureAwait(false);
                step = Math.Max(Totp.StepOf(_clock.UtcNow), _lastTotpStep + 1);
            }

            _lastTotpStep = step;
            return Totp.Code(_totpSeed, step);
        }
        finally
        {
            _totpGate.Release();
        }
    }
}
