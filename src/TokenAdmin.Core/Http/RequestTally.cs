using System.Threading;

namespace TokenAdmin.Core.Http;

/// <summary>
/// What the HTTP core did for one audited change: the attempts and the service's request id of
/// its last state-changing request (not the reads around it). The cmdlet opens one per item with
/// <see cref="Begin"/> around the item's work; the core finds it through the async flow, so the
/// service clients' signatures stay as they are.
/// </summary>
public sealed class RequestTally
{
    private static readonly AsyncLocal<RequestTally?> CurrentTally = new();

    public int Attempts { get; private set; }

    public string? RequestId { get; private set; }

    internal static RequestTally? Current => CurrentTally.Value;

    /// <summary>Makes a new tally current for the calling async flow (and the work it awaits) and returns it.</summary>
    public static RequestTally Begin() => CurrentTally.Value = new RequestTally();

    internal void Record(int attempts, string? requestId)
    {
        Attempts = attempts;
        RequestId = requestId;
    }
}
