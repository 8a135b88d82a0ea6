using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.Apstrata;

/// <summary>apstrata's VerifyCredentials (token generate/renew) and DeleteToken over the shared HTTP core. One per connection.</summary>
public sealed class ApstrataClient : IDisposable
{
    private const string Form = "application/x-www-form-urlencoded";

    private readonly IClock _clock;

    public ApstrataClient(ConnectionOptions options, ApstrataAuthenticator authenticator, IClock? clock = null, Func<double>? random = null)
    {
        Authenticator = authenticator;
        _clock = clock ?? SystemClock.Instance;
        Http = new ServiceHttpClient(options, authenticator, ApstrataProtocol.Redaction, new ApstrataErrorReader(), _clock, random);
    }

    public ServiceHttpClient Http { get; }

    public ApstrataAuthenticator Authenticator { get; }

    /// <summary>[doc] VerifyCredentials apsdb.action=generate on a signed user request; bounds checked before sending.</summary>
    public async Task<ApstrataTokenInfo> GenerateTokenAsync(int? expiresAfterSeconds, int? lifetimeSeconds, RequestContext call)
    {
        Require(ApstrataIdentity.User, "Generating a token needs a user connection (Connect-Apstrata -Credential).");
        if (expiresAfterSeconds is < 1 or > ApstrataProtocol.MaxTokenExpiresSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAfterSeconds), expiresAfterSeconds, $"A token expires after 1 to {ApstrataProtocol.MaxTokenExpiresSeconds} seconds.");
        }

        if (lifetimeSeconds is < 1 || (lifetimeSeconds is { } life && expiresAfterSeconds is { } expires && life < expires))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetimeSeconds), lifetimeSeconds, "A token's lifetime is at least 1 second and not shorter than its expiry.");
        }

        var parameters = new List<KeyValuePair<string, string>> { new(ApstrataProtocol.TokenActionParameter, "generate") };
        if (expiresAfterSeconds is { } e)
        {
            parameters.Add(new(ApstrataProtocol.TokenExpiresParameter, e.ToString(CultureInfo.InvariantCulture)));
        }

        if (lifetimeSeconds is { } l)
        {
            parameters.Add(new(ApstrataProtocol.TokenLifetimeParameter, l.ToString(CultureInfo.InvariantCulture)));
        }

        return await TokenCallAsync(parameters, "generate apstrata token", call).ConfigureAwait(false);
    }

    /// <summary>[doc] apsdb.action=renew on a token connection; the connection then carries the new token (the old one stays valid 5 s).</summary>
    public async Task<ApstrataTokenInfo> RenewTokenAsync(RequestContext call)
    {
        Require(ApstrataIdentity.Token, "Renewing a token needs a token connection (Connect-Apstrata -User -Token).");
        var renewed = await TokenCallAsync(new List<KeyValuePair<string, string>> { new(ApstrataProtocol.TokenActionParameter, "renew") },
            "renew apstrata token", call).ConfigureAwait(false);
        Authenticator.ReplaceToken(renewed.Token);
        return renewed;
    }

    /// <summary>[doc] DeleteToken, self form: the token connection's own token (apsdb.authToken and apsws.user name it).</summary>
    /// <remarks>An INVALID_TOKEN to a retry after an attempt whose outcome is unknown means that attempt deleted it.</remarks>
    public Task DeleteOwnTokenAsync(RequestContext call)
    {
        Require(ApstrataIdentity.Token, "Deleting the connection's own token needs a token connection.");
        var request = Request(ApstrataProtocol.DeleteTokenAction, new List<KeyValuePair<string, string>>(), $"delete the apstrata token of {Authenticator.Login}", idempotent: true,
            alreadyDoneErrorCode: ApstrataProtocol.InvalidTokenCode);
        return Http.SendAsync(request, call);
    }

    /// <summary>[doc] DeleteToken, owner form: repeated userList, at most 100 logins (each once), no apsdb.authToken or apsws.user.</summary>
    public Task DeleteUserTokensAsync(IReadOnlyList<string> logins, RequestContext call)
    {
        Require(ApstrataIdentity.Owner, "Deleting users' tokens needs an owner connection (Connect-Apstrata -Secret).");
        var distinct = logins.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count is 0 or > ApstrataProtocol.MaxUsersPerRequest)
        {
            throw new ArgumentException($"One DeleteToken request names 1 to {ApstrataProtocol.MaxUsersPerRequest} logins.", nameof(logins));
        }

        if (distinct.Select(ApstrataProtocol.LoginProblem).FirstOrDefault(p => p is not null) is { } problem)
        {
            throw new ArgumentException($"No DeleteToken request was sent: {problem}.", nameof(logins)); // the cmdlet refuses such logins one by one first
        }

        var parameters = distinct.Select(login => new KeyValuePair<string, string>(ApstrataProtocol.UserListParameter, login)).ToList();
        return SendAsync(ApstrataProtocol.DeleteTokenAction, parameters, $"delete the apstrata tokens of {distinct.Count} {(distinct.Count == 1 ? "user" : "users")}", idempotent: true, call);
    }

    public void Dispose() => Http.Dispose();

    private async Task<ApstrataTokenInfo> TokenCallAsync(List<KeyValuePair<string, string>> parameters, string operation, RequestContext call)
    {
        var request = Request(ApstrataProtocol.VerifyCredentialsAction, parameters, operation, idempotent: false);
        var response = await Http.SendAsync(request, call).ConfigureAwait(false);
        var now = _clock.UtcNow;
        try
        {
            var read = response.BodyAs<ApstrataResponse>(); // parsed once, by the classifier
            var token = read.Result(ApstrataProtocol.TokenParameter) ?? throw new FormatException("no apsdb.authToken in the result");
            if (SecretText.HeaderProblem(token) is not null)
            {
                throw new FormatException("an apsdb.authToken with spaces, line breaks or other characters a token does not have"); // never quoted
            }

            return new ApstrataTokenInfo(Authenticator.Login!, SecretText.Protect(token),
                Seconds(read.Result(ApstrataProtocol.TokenExpiresParameter)) is { } expires ? now.AddSeconds(expires) : null,
                Seconds(read.Result(ApstrataProtocol.TokenLifetimeParameter)) is { } lifetime ? now.AddSeconds(lifetime) : null);
        }
        catch (FormatException ex)
        {
            throw Http.UnexpectedResponse(request, response, ex.Message);
        }
    }

    private async Task SendAsync(string action, List<KeyValuePair<string, string>> parameters, string operation, bool idempotent, RequestContext call) =>
        await Http.SendAsync(Request(action, parameters, operation, idempotent), call).ConfigureAwait(false);

    /// <summary>[SDK] Always POST; the action's own parameters and apsws.responseType in a UTF-8 form body.</summary>
    /// <remarks>Internal for the tests that sign it as the vendor SDK's own vectors do.</remarks>
    internal ServiceRequest Request(string action, List<KeyValuePair<string, string>> parameters, string operation, bool idempotent, string? alreadyDoneErrorCode = null)
    {
        parameters.Add(new(ApstrataProtocol.ResponseTypeParameter, ApstrataProtocol.JsonResponseType));
        var body = string.Join("&", parameters.Select(p => $"{ApstrataSignature.Encode(p.Key)}={ApstrataSignature.Encode(p.Value)}"));
        var path = string.Format(CultureInfo.InvariantCulture, ApstrataProtocol.RestPathFormat, Authenticator.AuthKey, action);
        var request = new ServiceRequest(HttpMethod.Post, path, operation)
        {
            Idempotent = idempotent,
            AlreadyDoneErrorCode = alreadyDoneErrorCode,
            Authentication = new ApstrataCall(action, parameters),
            Classify = ApstrataResponse.Classify,
        };
        return request.WithBody(body, Form);
    }

    private static double? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    private void Require(ApstrataIdentity identity, string message)
    {
        if (Authenticator.Identity != identity)
        {
            throw new InvalidOperationException(message);
        }
    }
}
