namespace TokenAdmin.Core.Http;

/// <summary>
/// What the HTTP core did for one audited change: the attempts and the service's request id of
/// its last state-changing request (not the reads around it). It travels on the call's
/// <see cref="RequestContext"/> (<see cref="RequestContext.ForChange"/>).
/// </summary>
public sealed class RequestTally
{
    public int Attempts { get; private set; }

    public string? RequestId { get; private set; }

    internal void Record(int attempts, string? requestId)
    {
        Attempts = attempts;
        RequestId = requestId;
    }
}
