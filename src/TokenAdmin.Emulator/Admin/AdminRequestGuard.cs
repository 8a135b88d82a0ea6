using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>
/// Keeps web pages out of the control API. The emulator listens on 127.0.0.1 only, but a page open in
/// the user's browser can still send it requests: a "simple" cross-site POST (text/plain, a form) needs
/// no CORS preflight, and DNS rebinding lets a page read answers under its own host name. So the control
/// API answers only requests addressed to a loopback name, that no browser marks as cross-site (Origin,
/// Sec-Fetch-Site), and whose body, if any, is JSON (a type a page cannot send without a preflight,
/// which the emulator never grants). Scripts (Invoke-RestMethod, curl, HttpClient) send none of those headers.
/// </summary>
internal static class AdminRequestGuard
{
    public static ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next) =>
        Problem(invocation.HttpContext.Request) is { } problem
            ? ValueTask.FromResult<object?>(JsonResults.Error(StatusCodes.Status403Forbidden, "FORBIDDEN", problem))
            : next(invocation);

    /// <summary>Why the request is refused, or null.</summary>
    internal static string? Problem(HttpRequest request)
    {
        var host = request.Host.Host;
        if (!IsLoopbackName(host))
        {
            return $"The control API answers only requests addressed to 127.0.0.1, [::1] or localhost (this one was addressed to '{Shown(host)}').";
        }

        if (request.Headers.Origin.Count > 0)
        {
            return "The control API refuses requests from web pages (the request has an Origin header).";
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("none", StringComparison.OrdinalIgnoreCase) && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return $"The control API refuses requests a browser marks as {Shown(site)} (Sec-Fetch-Site).";
        }

        // Only a body's type matters: Invoke-RestMethod labels an empty POST as a form.
        if ((request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0) && !JsonContentType.Matches(request.ContentType))
        {
            return $"A control API request with a body must send it as Content-Type: application/json (this one was '{Shown(request.ContentType ?? string.Empty)}').";
        }

        return null;
    }

    private static bool IsLoopbackName(string host) =>
        host is "127.0.0.1" or "[::1]" or "::1" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the request said, short and printable: it is echoed back.</summary>
    private static string Shown(string text)
    {
        var printable = new string(Array.ConvertAll(text.ToCharArray(), c => char.IsControl(c) ? '?' : c));
        return printable.Length > 80 ? printable[..80] + "..." : printable;
    }
}
