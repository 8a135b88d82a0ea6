namespace TokenAdmin.Emulator;

/// <summary>What an injected fault does to one request.</summary>
public enum FaultKind
{
    /// <summary>Answer with a chosen status (and Retry-After, body) instead of the real route.</summary>
    Status,

    /// <summary>Drop the connection without any response.</summary>
    Abort,

    /// <summary>Never answer; the request ends only when the client gives up.</summary>
    Hang,
}
