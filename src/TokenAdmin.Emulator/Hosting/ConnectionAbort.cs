using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>
/// Aborts a request's connection and remembers that it did. Kestrel signals RequestAborted
/// asynchronously after <see cref="HttpContext.Abort"/> and still runs OnStarting callbacks, so
/// the journal cannot tell an abort from a 200 without this mark.
/// </summary>
internal static class ConnectionAbort
{
    private static readonly object MarkKey = new();

    public static void Abort(HttpContext context)
    {
        context.Items[MarkKey] = true;
        context.Abort();
    }

    /// <summary>True once the emulator aborted the request or the client went away.</summary>
    public static bool WasAborted(HttpContext context) =>
        context.Items.ContainsKey(MarkKey) || context.RequestAborted.IsCancellationRequested;
}
