using System;

namespace TokenAdmin.Core.Http;

/// <summary>
/// Where the core reports each request: -Verbose gets method, URL, status and duration; -Debug
/// gets headers and bodies. Texts arrive already redacted. May be called from any thread; the
/// cmdlet side marshals to the pipeline thread.
/// </summary>
public interface IHttpTrace
{
    bool IsVerboseEnabled { get; }

    bool IsDebugEnabled { get; }

    void Verbose(string message);

    void Debug(string message);
}
