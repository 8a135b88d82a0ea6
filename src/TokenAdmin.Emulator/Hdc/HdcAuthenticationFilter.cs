using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace TokenAdmin.Emulator;

/// <summary>
/// Authenticates every HDC route (Basic and/or Bearer, as <see cref="HdcOptions"/> allows) and
/// enforces the route's <see cref="HdcMinimumRole"/>: 401 NOT_AUTHENTICATED, 403 ACCESS_DENIED.
/// </summary>
internal sealed class HdcAuthenticationFilter(HdcOptions options) : IEndpointFilter
{
    private const string BasicScheme = "Basic";
    private const string BearerScheme = "Bearer";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        var role = Authenticate(httpContext.Request.Headers.Authorization);
        if (role is null)
        {
            httpContext.Response.Headers.WWWAuthenticate = Challenges();
            return Respond(JsonResults.Error(
                StatusCodes.Status401Unauthorized,
                HdcErrorCodes.NotAuthenticated,
                AuthenticationRequiredMessage()));
        }

        var required = httpContext.GetEndpoint()?.Metadata.GetMetadata<HdcMinimumRole>() ?? HdcMinimumRole.Default;
        if (role < required.Role)
        {
            return Respond(JsonResults.Error(
                StatusCodes.Status403Forbidden,
                HdcErrorCodes.AccessDenied,
                "This account may read tokens but not change them."));
        }

        return next(context);
    }

    private HdcRole? Authenticate(StringValues authorization)
    {
        // Several Authorization headers are ambiguous; refuse rather than guess which one counts.
        if (authorization.Count != 1 || !HttpAuthorization.TrySplit(authorization[0], out var scheme, out var parameter))
        {
            return null;
        }

        if (options.AllowBasic && scheme.Equals(BasicScheme, StringComparison.OrdinalIgnoreCase))
        {
            if (!HttpAuthorization.TryDecodeBasic(parameter, out var userName, out var password))
            {
                return null;
            }

            var user = options.Users.FirstOrDefault(candidate => candidate.UserName == userName);
            return user is not null && HttpAuthorization.SecretEquals(password, user.Password) ? user.Role : null;
        }

        if (options.AllowBearer && scheme.Equals(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            var token = options.AccessTokens.FirstOrDefault(candidate => HttpAuthorization.SecretEquals(parameter, candidate.Value));
            return token?.Role;
        }

        return null;
    }

    private string AuthenticationRequiredMessage()
    {
        var schemes = EnabledSchemes().ToArray();
        return schemes.Length == 0
            ? "Authentication required, but this emulator has every scheme disabled."
            : $"Authentication required: send valid {string.Join(" or ", schemes)} credentials.";
    }

    private StringValues Challenges() =>
        new(EnabledSchemes().Select(scheme => $"{scheme} realm=\"HDC\"").ToArray());

    private IEnumerable<string> EnabledSchemes()
    {
        if (options.AllowBasic)
        {
            yield return BasicScheme;
        }

        if (options.AllowBearer)
        {
            yield return BearerScheme;
        }
    }

    private static ValueTask<object?> Respond(IResult result) => ValueTask.FromResult<object?>(result);
}
