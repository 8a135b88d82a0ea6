using System;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.Apstrata;

/// <summary>
/// Adds apstrata's authentication to each attempt, afresh (the time is part of the signature):
/// [SDK] apsws.time (milliseconds), apsws.authSig, apsws.authMode=simple (simple only) and
/// apsws.user in the query; the action's parameters in the body; all of them but the signature
/// signed. A token request carries apsws.time and apsdb.authToken in the query and apsws.user in
/// the body, unsigned.
/// </summary>
public sealed class ApstrataAuthenticator : IRequestAuthenticator
{
    private readonly Uri _baseUri;
    private readonly IClock _clock;
    private SecureString _secret;
    private readonly object _gate = new();

    private ApstrataAuthenticator(Uri baseUri, string authKey, ApstrataIdentity identity, string? login, SecureString secret, ApstrataSigningMode mode, IClock clock)
    {
        if (string.IsNullOrWhiteSpace(authKey) || authKey.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            throw ServiceException.InvalidCredential("The auth key is letters, digits, '-' and '_' (it becomes part of the URL path).");
        }

        _baseUri = EndpointPolicy.WithTrailingSlash(baseUri); // as the HTTP core resolves paths: the signed URL must be the one sent
        AuthKey = authKey;
        Identity = identity;
        Login = login;
        Mode = mode;
        _clock = clock;
        _secret = secret.Copy();
        _secret.MakeReadOnly();
    }

    public string AuthKey { get; }

    public ApstrataIdentity Identity { get; }

    /// <summary>The user's login (user and token connections); null for the owner.</summary>
    public string? Login { get; }

    public ApstrataSigningMode Mode { get; }

    public string Scheme => Identity switch
    {
        ApstrataIdentity.Token => "Token",
        _ => Mode == ApstrataSigningMode.Simple ? "Signature (simple)" : "Signature (complex)",
    };

    public static ApstrataAuthenticator ForOwner(Uri baseUri, string authKey, SecureString secret, ApstrataSigningMode mode, IClock clock) =>
        secret.Length == 0
            ? throw ServiceException.InvalidCredential("The owner secret is empty.")
            : new(baseUri, authKey, ApstrataIdentity.Owner, null, secret, mode, clock);

    /// <summary>The user key (UPPERHEX(MD5(password))) is what is kept; the password itself is not.</summary>
    public static ApstrataAuthenticator ForUser(Uri baseUri, string authKey, string login, SecureString password, ApstrataSigningMode mode, IClock clock)
    {
        RequireLogin(login);
        using var key = SecretText.Protect(ApstrataSignature.UserKey(SecretText.Reveal(password)));
        return new(baseUri, authKey, ApstrataIdentity.User, login, key, mode, clock);
    }

    public static ApstrataAuthenticator ForToken(Uri baseUri, string authKey, string login, SecureString token, IClock clock)
    {
        RequireLogin(login);
        using var checkedToken = SecretText.ForHeader(token, "The token"); // printable, no space: as the service issues them
        return new(baseUri, authKey, ApstrataIdentity.Token, login, checkedToken, ApstrataSigningMode.Complex, clock);
    }

    /// <summary>After a renew, the connection carries the new token.</summary>
    public void ReplaceToken(SecureString token)
    {
        if (Identity != ApstrataIdentity.Token)
        {
            throw new InvalidOperationException("Only a token connection carries a token.");
        }

        var copy = token.Copy();
        copy.MakeReadOnly();
        lock (_gate)
        {
            _secret = copy;
        }
    }

    public ValueTask AuthenticateAsync(OutgoingRequest request, CancellationToken cancellationToken)
    {
        var call = request.Source.Authentication as ApstrataCall
            ?? throw new InvalidOperationException("An apstrata request names its call (ApstrataCall).");
        var time = _clock.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        string secret;
        lock (_gate)
        {
            secret = SecretText.Reveal(_secret);
        }

        request.SensitiveValues.Add(secret);
        request.Query.Add(new(ApstrataProtocol.TimeParameter, time));
        if (Identity == ApstrataIdentity.Token)
        {
            request.Query.Add(new(ApstrataProtocol.TokenParameter, secret));
            var user = $"{Uri.EscapeDataString(ApstrataProtocol.UserParameter)}={Uri.EscapeDataString(Login!)}";
            request.Body = string.IsNullOrEmpty(request.Body) ? user : request.Body + "&" + user; // [SDK] apsws.user in the body
            return ValueTask.CompletedTask;
        }

        if (Mode == ApstrataSigningMode.Simple)
        {
            request.Query.Add(new(ApstrataProtocol.AuthModeParameter, ApstrataProtocol.SimpleAuthMode));
        }

        if (Login is not null)
        {
            request.Query.Add(new(ApstrataProtocol.UserParameter, Login));
        }

        var signature = Mode == ApstrataSigningMode.Simple
            ? ApstrataSignature.Simple(time, Login ?? AuthKey, call.Action, secret)
            : ApstrataSignature.Complex(
                ApstrataSignature.StringToSign(request.Method.Method, new Uri(_baseUri, request.Path).GetLeftPart(UriPartial.Path),
                    request.Query.Concat(call.BodyParameters),
                    ApstrataProtocol.EncodeUserInSignature ? null : ApstrataProtocol.UserParameter),
                secret);
        request.Query.Add(new(ApstrataProtocol.SignatureParameter, signature));
        request.SensitiveValues.Add(signature);
        return ValueTask.CompletedTask;
    }

    /// <summary>The login is sent and signed exactly as given: one that cannot be a login is refused, never trimmed.</summary>
    private static void RequireLogin(string login)
    {
        if (ApstrataProtocol.LoginProblem(login) is { } problem)
        {
            throw ServiceException.InvalidCredential($"The user login '{Text.EchoedText.Of(login)}' cannot be used: {problem}.");
        }
    }
}
