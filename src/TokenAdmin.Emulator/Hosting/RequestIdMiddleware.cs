using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>Gives every request a fresh id, echoed as X-Request-Id (the journal records it too).</summary>
internal sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("N");
        context.TraceIdentifier = requestId;
        context.Response.Headers[HeaderName] = requestId;
        return next(context);
    }
}
