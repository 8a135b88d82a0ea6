using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TokenAdmin.Emulator;

/// <summary>Answers 407 to proxied requests without valid proxy credentials; lets the rest through.</summary>
internal sealed class ForwardProxyMiddleware(RequestDelegate next, ForwardProxy proxy)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (proxy.TargetOf(context) is not { } target)
        {
            await next(context);
            return;
        }

        var headers = context.Request.Headers;
        if (headers.ProxyAuthorization.Count != 1 || !proxy.IsAuthorized(headers.ProxyAuthorization[0]))
        {
            context.Response.Headers[HeaderNames.ProxyAuthenticate] = $"Basic realm=\"{ForwardProxy.Realm}\"";
            await JsonResults.Error(StatusCodes.Status407ProxyAuthenticationRequired, "PROXY_AUTHENTICATION_REQUIRED",
                "Proxy authentication required: send Proxy-Authorization: Basic with the proxy credentials.").ExecuteAsync(context);
            return;
        }

        if (HttpMethods.IsConnect(context.Request.Method))
        {
            // Tunnelling (how clients reach https:// targets through a proxy) is out of scope.
            await JsonResults.Error(StatusCodes.Status501NotImplemented, "CONNECT_NOT_SUPPORTED",
                "The emulator proxy forwards http:// targets only; CONNECT tunnels are not supported.").ExecuteAsync(context);
            return;
        }

        // The proxy consumes its own credentials; the target never sees them.
        headers.Remove(HeaderNames.ProxyAuthorization);
        ForwardProxy.MarkRelayed(context, target);
        await next(context);
    }
}
