namespace TokenAdmin.Emulator;

/// <summary>What an injected fault does to one request.</summary>
public enum FaultKind
{
    /// <summary>Serve the route normally: a placeholder, so that a later step hits the n-th request.</summary>
    Pass,

    /// <summary>Answer with a chosen status (and Retry-After, body) instead of the real route.</summary>
    Status,

    /// <summary>Drop the connection without any response; the route does not run.</summary>
    Abort,

    /// <summary>Run the route (its change is applied), then drop the connection instead of answering.</summary>
    AbortAfterApplying,

    /// <summary>Answer 200 with a very large (or endless, or gzip-bomb) body instead of the route.</summary>
    LargeBody,

    /// <summary>Never answer; the request ends only when the client gives up.</summary>
    Hang,
}
