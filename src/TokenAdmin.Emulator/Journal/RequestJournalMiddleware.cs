using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TokenAdmin.Emulator;

/// <summary>
/// Records each service request in the <see cref="RequestJournal"/> when it arrives and completes
/// the entry when it ends. The status is recorded as the response starts, before the client can
/// see it, so a test that got a response can read a completed entry without waiting. It never keeps a
/// credential: headers are not journaled (only the Authorization scheme), and each service's
/// <see cref="JournalCredentials"/> are redacted from the query and the body.
/// </summary>
internal sealed class RequestJournalMiddleware(RequestDelegate next, RequestJournal journal, ForwardProxy proxy, TimeProvider timeProvider)
{
    // Bodies beyond this are journaled truncated; service requests are small JSON documents.
    private const int MaxJournaledBodyChars = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (EmulatorEndpoints.IsAdminRequest(context))
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var target = proxy.TargetOf(context);
        var credentials = EmulatorEndpoints.ServiceOf(context)?.JournalCredentials ?? JournalCredentials.None;
        var query = request.QueryString.Value ?? string.Empty;
        var body = await ReadBodyAsync(context);
        var entry = journal.RecordArrival(new JournalEntry
        {
            Sequence = 0,
            RequestId = context.TraceIdentifier,
            Method = request.Method,
            Path = request.Path.Value ?? string.Empty,
            Query = credentials.ScrubQuery(query),
            RouteName = EmulatorEndpoints.RouteNameOf(context),
            Body = credentials.ScrubBody(body, request.ContentType),
            ContentType = request.ContentType,
            ConnectionId = context.Connection.Id,
            UserAgent = request.Headers.UserAgent.Count > 0 ? request.Headers.UserAgent.ToString() : null,
            AuthScheme = AuthSchemeNames.Describe(request.Headers.Authorization.Count > 0 ? request.Headers.Authorization[0] : null)
                ?? credentials.Scheme?.Invoke(JournalCredentials.FieldsOf(query, body, request.ContentType)),
            ArrivedAt = timeProvider.GetUtcNow(),
            ViaProxy = target is not null,
            TargetHost = target?.Host,
        });

        context.Response.OnStarting(() =>
        {
            // Kestrel runs OnStarting even for an aborted request, which then sends nothing.
            var aborted = ConnectionAbort.WasAborted(context);
            journal.RecordCompletion(entry.Sequence, aborted ? null : context.Response.StatusCode, aborted, timeProvider.GetUtcNow(), FaultInjectionMiddleware.AppliedFault(context));
            return Task.CompletedTask;
        });

        try
        {
            await next(context);
        }
        catch when (!context.Response.HasStarted && !ConnectionAbort.WasAborted(context))
        {
            // Kestrel answers an unhandled exception with 500 but skips OnStarting callbacks.
            journal.RecordCompletion(entry.Sequence, StatusCodes.Status500InternalServerError, aborted: false, timeProvider.GetUtcNow());
            throw;
        }
        finally
        {
            // No response started: either aborted (fault, client gone), or the server will still
            // send one (e.g. a 404 with no body) and OnStarting records it. Only the first counts.
            if (ConnectionAbort.WasAborted(context))
            {
                var fault = FaultInjectionMiddleware.AppliedFault(context);
                var applied = fault == FaultStep.AbortAfterApplyingName ? context.Response.StatusCode : (int?)null;
                journal.RecordCompletion(entry.Sequence, applied, aborted: true, timeProvider.GetUtcNow(), fault);
            }
        }
    }

    /// <summary>Reads the body for the journal and rewinds it for the endpoint.</summary>
    private static async Task<string?> ReadBodyAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return null;
        }

        context.Request.EnableBuffering();
        var text = await RequestBodyText.ReadAsync(context.Request, context.RequestAborted);

        context.Request.Body.Position = 0;
        return text.Length > MaxJournaledBodyChars ? text[..MaxJournaledBodyChars] : text;
    }
}
