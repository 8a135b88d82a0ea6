using System;

namespace TokenAdmin.Core.Http;

public sealed class NullHttpTrace : IHttpTrace
{
    public static NullHttpTrace Instance { get; } = new();

    public bool IsVerboseEnabled => false;

    public bool IsDebugEnabled => false;

    public void Verbose(string message)
    {
    }

    public void Debug(string message)
    {
    }
}
