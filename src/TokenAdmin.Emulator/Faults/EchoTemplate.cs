using System;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>
/// What a hostile or broken service echoes of the request, for the reason phrase, header values and
/// body of a status fault: <c>{authorization}</c>, <c>{header:X-ApiKey}</c>, <c>{query}</c> (the raw
/// query string, without '?') and <c>{body}</c> (the request body), each optionally transformed as
/// <c>{source:transform}</c> with url (%20), form (+), html, base64, upper or lower. Clients must
/// keep every form of their secrets out of what they show.
/// </summary>
internal static class EchoTemplate
{
    private static readonly Regex Placeholder = new(@"\{(authorization|header:[A-Za-z0-9-]+|query|body)(?::(url|form|html|base64|upper|lower))?\}",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Whether <paramref name="template"/> needs the request body (which is then read before the fault answers).</summary>
    public static bool NeedsBody(string? template) =>
        template is not null && template.Contains("{body", StringComparison.OrdinalIgnoreCase);

    /// <param name="singleLine">For a header value or reason phrase: control characters become spaces.</param>
    public static string Expand(string template, HttpRequest request, string body, bool singleLine)
    {
        var expanded = Placeholder.Replace(template, match =>
        {
            var source = match.Groups[1].Value;
            var value = source.ToLowerInvariant() switch
            {
                "authorization" => request.Headers.Authorization.ToString(),
                "query" => request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty,
                "body" => body,
                _ => request.Headers[source["header:".Length..]].ToString(),
            };
            return match.Groups[2].Value.ToLowerInvariant() switch
            {
                "url" => Uri.EscapeDataString(value),
                "form" => WebUtility.UrlEncode(value),
                "html" => WebUtility.HtmlEncode(value),
                "base64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(value)),
                "upper" => value.ToUpperInvariant(),
                "lower" => value.ToLowerInvariant(),
                _ => value,
            };
        });
        return singleLine ? Regex.Replace(expanded, @"\p{Cc}", " ") : expanded;
    }
}
