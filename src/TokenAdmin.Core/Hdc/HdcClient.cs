using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.Text;

namespace TokenAdmin.Core.Hdc;

/// <summary>The HDC authentication-token resource over the shared HTTP core. One per connection.</summary>
public sealed class HdcClient : IDisposable
{
    private const string Json = "application/json";

    public HdcClient(ConnectionOptions options, IRequestAuthenticator authenticator, IClock? clock = null, Func<double>? random = null)
    {
        Http = new ServiceHttpClient(options, authenticator, HdcProtocol.Redaction, new HdcErrorReader(), clock, random);
    }

    public ServiceHttpClient Http { get; }

    /// <summary>Every token, as one list (for commands that must see them all before they act).</summary>
    public async Task<IReadOnlyList<HdcTokenInfo>> ListTokensAsync(RequestContext call)
    {
        var all = new List<HdcTokenInfo>();
        await ListTokensAsync((batch, _) =>
        {
            all.AddRange(batch);
            return ValueTask.CompletedTask;
        }, call).ConfigureAwait(false);
        return all;
    }

    /// <summary>
    /// Streams the listing: <paramref name="onTokens"/> gets each batch as it is parsed, while the rest
    /// is still arriving. A listing that breaks off or turns malformed part-way fails after the
    /// batches already handed on (never retried once begun).
    /// </summary>
    public Task ListTokensAsync(Func<IReadOnlyList<HdcTokenInfo>, CancellationToken, ValueTask> onTokens, RequestContext call) =>
        Http.SendStreamingAsync(Get(HdcProtocol.ListTokensPath, "list auth tokens"),
            (body, ct) => HdcJson.ReadTokensAsync(body, onTokens, HdcProtocol.MaxListedTokens, ct), call);

    public Task<IReadOnlyList<HdcContext>> ListContextsAsync(RequestContext call) =>
        ReadAsync(Get(HdcProtocol.ListContextsPath, "list auth token contexts"), HdcJson.ReadContexts, call);

    /// <summary>Creates a token, then finds it (see <see cref="HdcCreation"/>).</summary>
    /// <param name="tokensBefore">Token values known to exist before; null lists them first.</param>
    public async Task<HdcCreation> CreateTokenAsync(long userId, IReadOnlyList<string> contextNames,
        IReadOnlyCollection<string>? tokensBefore, RequestContext call)
    {
        ValidateUserId(userId);
        ValidateContexts(contextNames);
        tokensBefore ??= (await ListTokensAsync(call).ConfigureAwait(false)).Select(t => t.Token).ToHashSet(StringComparer.Ordinal);

        var request = new ServiceRequest(HttpMethod.Post, HdcProtocol.TokensPath, "create auth token") { Classify = HdcJson.ClassifyWrite }
            .WithBody(HdcJson.CreateBody(userId, contextNames), Json);
        request.Headers["Accept"] = Json;
        await Http.SendAsync(request, call).ConfigureAwait(false);

        var after = await ListTokensAsync(call).ConfigureAwait(false);
        return HdcCreation.Find(tokensBefore, after, userId, contextNames);
    }

    public Task UpdateTokenAsync(string token, long userId, IReadOnlyList<string> contextNames, RequestContext call)
    {
        ValidateToken(token);
        ValidateUserId(userId);
        ValidateContexts(contextNames);
        var request = new ServiceRequest(HttpMethod.Put, HdcProtocol.TokensPath, () => $"update auth token {TokenFingerprint.Of(token)}")
            {
                Idempotent = true,
                Classify = HdcJson.ClassifyWrite,
            }
            .WithBody(HdcJson.UpdateBody(token, userId, contextNames), Json);
        request.SensitiveValues.Add(token);
        return Http.SendAsync(request, call);
    }

    /// <summary>
    /// [doc] DELETE with a JSON body. Repeating it is harmless, so it is retried like any idempotent
    /// request; a 404 to a retry after an attempt whose outcome is unknown means that attempt removed it.
    /// </summary>
    public Task DeleteTokenAsync(string token, RequestContext call)
    {
        ValidateToken(token);
        var request = new ServiceRequest(HttpMethod.Delete, HdcProtocol.TokensPath, () => $"remove auth token {TokenFingerprint.Of(token)}")
            {
                Idempotent = true,
                AlreadyDoneStatus = 404,
                Classify = HdcJson.ClassifyWrite,
            }
            .WithBody(HdcJson.DeleteBody(token), Json);
        request.SensitiveValues.Add(token);
        return Http.SendAsync(request, call);
    }

    public void Dispose() => Http.Dispose();

    /// <summary>Sends a read and parses its body; a body of the wrong shape becomes an UnexpectedResponse failure.</summary>
    private async Task<T> ReadAsync<T>(ServiceRequest request, Func<string, T> parse, RequestContext call)
    {
        var response = await Http.SendAsync(request, call).ConfigureAwait(false);
        try
        {
            return parse(response.Content);
        }
        catch (FormatException ex)
        {
            throw Http.UnexpectedResponse(request, response, ex.Message);
        }
    }

    private static ServiceRequest Get(string path, string operation)
    {
        var request = ServiceRequest.Create(HttpMethod.Get, path, operation);
        request.Headers["Accept"] = Json;
        return request;
    }

    private static void ValidateUserId(long userId)
    {
        if (userId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(userId), userId, "A user id is a positive number.");
        }
    }

    private static void ValidateContexts(IReadOnlyList<string> contextNames)
    {
        if (contextNames is null || contextNames.Count == 0 || contextNames.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one context name is required, and none may be empty.", nameof(contextNames));
        }
    }

    private static void ValidateToken(string token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("The token value is empty.", nameof(token));
        }

        if (token.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            // Get-Content -Raw keeps the file's last line break. The message never shows the value.
            throw new ArgumentException("The token value contains a line break, a space or a control character, which no token has; trim it (for example with .Trim()).", nameof(token));
        }
    }
}
