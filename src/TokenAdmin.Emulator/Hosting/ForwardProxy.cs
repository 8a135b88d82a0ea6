using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TokenAdmin.Emulator;

/// <summary>
/// Proxy mode: recognises requests sent to this host as a forward proxy, i.e. with an
/// absolute-form request target (<c>GET http://tenant.example/hdc/... HTTP/1.1</c>), and checks
/// their Proxy-Authorization. Kestrel accepts absolute-form targets and routes them by the URI's
/// path, so an authorised request is then served by this host as if it were the target.
/// </summary>
internal sealed class ForwardProxy(ProxyOptions? options)
{
    public const string Realm = "emulator-proxy";

    private static readonly object RelayedTargetKey = new();

    public bool Enabled => options is not null;

    /// <summary>The absolute target of a proxied request; null when proxy mode is off or the target is origin-form.</summary>
    public Uri? TargetOf(HttpContext context)
    {
        if (options is null)
        {
            // Not a proxy: RFC 9112 §3.2.2 has an origin server accept absolute-form too, which Kestrel does.
            return null;
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (HttpMethods.IsConnect(context.Request.Method))
        {
            // Authority-form "host:port": a tunnel request, which the proxy middleware refuses.
            return Uri.TryCreate("https://" + rawTarget, UriKind.Absolute, out var tunnel) ? tunnel : null;
        }

        return rawTarget is not null
            && (rawTarget.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rawTarget.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(rawTarget, UriKind.Absolute, out var target)
                ? target
                : null;
    }

    /// <summary>Marks an authorised request as relayed to <paramref name="target"/>, for the services to read.</summary>
    public static void MarkRelayed(HttpContext context, Uri target) => context.Items[RelayedTargetKey] = target;

    /// <summary>The target of a request the proxy authorised and relays; null for a direct request.</summary>
    public static Uri? RelayedTargetOf(HttpContext context) => context.Items[RelayedTargetKey] as Uri;

    public bool IsAuthorized(string? proxyAuthorization) =>
        options is not null
        && HttpAuthorization.TrySplit(proxyAuthorization, out var scheme, out var parameter)
        && scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
        && HttpAuthorization.TryDecodeBasic(parameter, out var userName, out var password)
        && userName == options.UserName
        && HttpAuthorization.SecretEquals(password, options.Password);
}
