using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace TokenAdmin.Emulator;

/// <summary>
/// ASP.NET Core routing ignores case and tolerates a trailing slash; the emulated Java backends
/// (Spring 6 defaults) do neither. So a named service route whose literal segments do not match
/// the path exactly is unmatched again, and the request ends as 404, as it would for real.
/// </summary>
internal sealed class ExactPathMatchingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint
            && endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is not null
            && !MatchesExactly(endpoint.RoutePattern, context.Request.Path.Value ?? string.Empty))
        {
            context.SetEndpoint(null);
        }

        return next(context);
    }

    private static bool MatchesExactly(RoutePattern pattern, string path)
    {
        // "/a/b/" splits into "", "a", "b", "": the leading empty entry is the root, a trailing one the extra slash.
        var segments = path.Split('/')[1..];
        if (segments.Length != pattern.PathSegments.Count)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var parts = pattern.PathSegments[i].Parts;
            if (parts is [RoutePatternLiteralPart literal] && !string.Equals(literal.Content, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
