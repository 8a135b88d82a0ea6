using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>[doc] VerifyCredentials (generate, renew) and DeleteToken (self and owner forms), signed or token-authenticated.</summary>
internal sealed class ApstrataEndpoints(ApstrataState state, ApstrataOptions options)
{
    private const int InvalidSignatureStatus = StatusCodes.Status401Unauthorized; // [assume] the docs give no status

    private static readonly Dictionary<string, string> Passwords = new(StringComparer.Ordinal)
    {
        [ApstrataDemo.UserLogin] = ApstrataDemo.UserPassword,
        [ApstrataDemo.OtherLogin] = ApstrataDemo.OtherPassword,
    };

    public void Map(IEndpointRouteBuilder root)
    {
        root.MapPost("/apsdb/rest/{authKey}/VerifyCredentials", (HttpContext c, string authKey, CancellationToken ct) => HandleAsync(c, authKey, "VerifyCredentials", ct))
            .WithName(ApstrataRouteNames.VerifyCredentials);
        root.MapPost("/apsdb/rest/{authKey}/DeleteToken", (HttpContext c, string authKey, CancellationToken ct) => HandleAsync(c, authKey, "DeleteToken", ct))
            .WithName(ApstrataRouteNames.DeleteToken);
    }

    private async Task<IResult> HandleAsync(HttpContext context, string authKey, string action, CancellationToken cancellationToken)
    {
        var parameters = context.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))).ToList();
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            parameters.AddRange(form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))));
        }

        string? Get(string name) => parameters.FirstOrDefault(p => p.Key == name).Value;
        var json = string.Equals(Get("apsws.responseType"), "json", StringComparison.OrdinalIgnoreCase);
        IResult Fail(int status, string code, string detail) => ApstrataWire.Failure(json, options.FailuresWithStatus200 ? StatusCodes.Status200OK : status, code, detail);

        if (context.Request.Headers.Referer.Count > 0 && !Uri.TryCreate(context.Request.Headers.Referer.ToString(), UriKind.Absolute, out _))
        {
            return Fail(StatusCodes.Status400BadRequest, "MALFORMED_REFERER", "The Referer header is not a URL.");
        }

        if (authKey != ApstrataDemo.AuthKey)
        {
            return Fail(InvalidSignatureStatus, "INVALID_SIGNATURE", "Unknown auth key.");
        }

        var login = Get("apsws.user");
        var tokenValue = Get("apsdb.authToken");
        ApstrataToken? token = null;
        if (tokenValue is not null)
        {
            token = login is null ? null : state.Valid(login, tokenValue);
            if (token is null)
            {
                return Fail(StatusCodes.Status400BadRequest, "INVALID_TOKEN", "Could not find the token.");
            }
        }
        else
        {
            if (!long.TryParse(Get("apsws.time"), NumberStyles.None, CultureInfo.InvariantCulture, out var millis)
                || (DateTimeOffset.FromUnixTimeMilliseconds(millis) - state.Now).Duration() > ApstrataDemo.AllowedSkew)
            {
                return Fail(InvalidSignatureStatus, "INVALID_SIGNATURE", "apsws.time is missing or too far from the server's clock.");
            }

            var key = login is null ? ApstrataDemo.OwnerSecret : Passwords.TryGetValue(login, out var password) ? ApstrataWire.UserKey(password) : null;
            if (key is null || !ApstrataWire.SignatureMatches(context.Request, parameters, authKey, action, login, key))
            {
                return Fail(InvalidSignatureStatus, "INVALID_SIGNATURE", "The signature does not match.");
            }
        }

        return action == "VerifyCredentials"
            ? VerifyCredentials(json, Fail, Get, login, token)
            : DeleteToken(context, json, Fail, parameters, login, token);
    }

    private IResult VerifyCredentials(bool json, Func<int, string, string, IResult> fail, Func<string, string?> get, string? login, ApstrataToken? token)
    {
        switch (get("apsdb.action"))
        {
            case null:
                return ApstrataWire.Success(json);
            case "generate" when login is not null && token is null:
                if (!Seconds(get("apsdb.tokenExpires"), 1800, out var expires) || expires > 86400 || !Seconds(get("apsdb.tokenLifetime"), 7200, out var lifetime) || lifetime < 1)
                {
                    return fail(StatusCodes.Status400BadRequest, "INVALID_PARAMETER", "apsdb.tokenExpires is 1 to 86400 seconds and apsdb.tokenLifetime at least 1.");
                }

                return Token(json, state.Generate(login, TimeSpan.FromSeconds(expires), TimeSpan.FromSeconds(Math.Max(lifetime, expires))));
            case "renew" when token is not null:
                return state.Renew(token) is { } renewed
                    ? Token(json, renewed)
                    : fail(StatusCodes.Status400BadRequest, "INVALID_TOKEN", "The token cannot be renewed past its lifetime.");
            default:
                return fail(StatusCodes.Status400BadRequest, "INVALID_PARAMETER", "apsdb.action generate needs a signed user request; renew needs a token.");
        }
    }

    private IResult DeleteToken(HttpContext context, bool json, Func<int, string, string, IResult> fail, List<KeyValuePair<string, string>> parameters, string? login, ApstrataToken? token)
    {
        var users = parameters.Where(p => p.Key == "userList").Select(p => p.Value).Distinct(StringComparer.Ordinal).ToList();
        if (login is null)
        {
            // The owner form.
            if (users.Count == 0)
            {
                return fail(StatusCodes.Status400BadRequest, "USERLIST_REQUIRED", "The owner must name the users (userList).");
            }

            if (users.Count > 100)
            {
                return fail(StatusCodes.Status400BadRequest, "INVALID_USERLIST", "At most 100 users per request.");
            }

            state.DeleteAllOf(users);
            return ApstrataWire.Success(json);
        }

        if (users.Count > 0)
        {
            return fail(StatusCodes.Status400BadRequest, "INVALID_PARAMETER", "userList is for the account owner only.");
        }

        if (token is null)
        {
            return fail(StatusCodes.Status400BadRequest, "USER_TOKEN_REQUIRED", "A user deletes a token by sending it (apsdb.authToken).");
        }

        state.Delete(token);
        if (context.Request.Cookies.ContainsKey("apsdb.authToken"))
        {
            context.Response.Cookies.Append("apsdb.authToken", string.Empty, new CookieOptions { Expires = DateTimeOffset.UnixEpoch });
        }

        return ApstrataWire.Success(json);
    }

    /// <summary>[assume] tokenExpires and tokenLifetime answer as the seconds left from now.</summary>
    private IResult Token(bool json, ApstrataToken token) => ApstrataWire.Success(json, new Dictionary<string, string>
    {
        ["apsdb.authToken"] = token.Value,
        ["apsdb.tokenExpires"] = ((long)(token.ExpiresAt - state.Now).TotalSeconds).ToString(CultureInfo.InvariantCulture),
        ["apsdb.tokenLifetime"] = ((long)(token.LifetimeEndsAt - state.Now).TotalSeconds).ToString(CultureInfo.InvariantCulture),
    });

    private static bool Seconds(string? text, int fallback, out int seconds)
    {
        if (text is null)
        {
            seconds = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds >= 1;
    }
}
