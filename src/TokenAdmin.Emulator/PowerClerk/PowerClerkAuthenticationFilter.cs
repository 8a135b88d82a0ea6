using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>Who a PowerClerk request authenticated as, and with which second factor.</summary>
internal sealed record PowerClerkCaller(string UserName, bool UsesMfa, string SecondFactor)
{
    public static readonly object Key = new();
}

/// <summary>
/// [doc]/[assume] Every PowerClerk request: HTTP Basic, X-ApiKey, and for an account with MFA a
/// valid MST (X-MfaSessionToken) or TOTP (X-MfaTotp, each code once). 401 with a code saying which
/// part failed: INVALID_CREDENTIALS, INVALID_API_KEY, MFA_REQUIRED, INVALID_MFA.
/// </summary>
internal sealed class PowerClerkAuthenticationFilter(PowerClerkState state) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.Headers.Authorization.Count != 1
            || !HttpAuthorization.TrySplit(request.Headers.Authorization[0], out var scheme, out var parameter)
            || !scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || !HttpAuthorization.TryDecodeBasic(parameter, out var userName, out var password)
            || Account(userName) is not { } account
            || !HttpAuthorization.SecretEquals(password, account.Password))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"PowerClerk\"";
            return Refuse(PowerClerkErrors.InvalidCredentials, "The user name or password is wrong.");
        }

        if (!HttpAuthorization.SecretEquals(request.Headers[PowerClerkHeaders.ApiKey].ToString(), PowerClerkDemo.ApiKey))
        {
            return Refuse(PowerClerkErrors.InvalidApiKey, "The API key (X-ApiKey) is missing or not valid.");
        }

        var factor = "none";
        if (account.TotpSecret is { } secret)
        {
            var totp = request.Headers[PowerClerkHeaders.Totp].ToString();
            var mst = request.Headers[PowerClerkHeaders.SessionToken].ToString();
            if (totp.Length > 0)
            {
                if (!state.AcceptTotp(userName, secret, totp))
                {
                    return Refuse(PowerClerkErrors.InvalidMfa, "The one-time code is wrong, expired or was used already.");
                }

                factor = "totp";
            }
            else if (mst.Length > 0)
            {
                if (state.Valid(userName, mst) is null)
                {
                    return Refuse(PowerClerkErrors.InvalidMfa, "The MFA session token is unknown, expired or was replaced by a newer one.");
                }

                factor = "mst";
            }
            else
            {
                return Refuse(PowerClerkErrors.MfaRequired, "This account uses MFA: every request needs an MFA session token or a one-time code.");
            }
        }

        context.HttpContext.Items[PowerClerkCaller.Key] = new PowerClerkCaller(userName, account.TotpSecret is not null, factor);
        return next(context);
    }

    private static (string Password, string? TotpSecret)? Account(string userName) => userName switch
    {
        PowerClerkDemo.MfaUserName => (PowerClerkDemo.MfaPassword, PowerClerkDemo.MfaTotpSecret),
        PowerClerkDemo.PlainUserName => (PowerClerkDemo.PlainPassword, null),
        _ => null,
    };

    private static ValueTask<object?> Refuse(string code, string message) =>
        ValueTask.FromResult<object?>(PowerClerkErrors.Error(StatusCodes.Status401Unauthorized, code, message));
}

/// <summary>The header names, as the emulator reads them (TokenAdmin's own constants are not used: the emulator stands for the service).</summary>
internal static class PowerClerkHeaders
{
    public const string ApiKey = "X-ApiKey";
    public const string SessionToken = "X-MfaSessionToken";
    public const string Totp = "X-MfaTotp";
}
