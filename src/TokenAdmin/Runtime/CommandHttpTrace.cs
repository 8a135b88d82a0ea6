using TokenAdmin.Core.Http;

namespace TokenAdmin.Runtime;

/// <summary>The core's request log, marshalled to the pipeline thread's Verbose and Debug streams.</summary>
internal sealed class CommandHttpTrace : IHttpTrace
{
    private readonly PipelinePump _pump;
    private readonly ICommandSeam _seam;

    public CommandHttpTrace(PipelinePump pump, ICommandSeam seam)
    {
        _pump = pump;
        _seam = seam;
        IsVerboseEnabled = seam.IsVerboseEnabled;
        IsDebugEnabled = seam.IsDebugEnabled;
    }

    public bool IsVerboseEnabled { get; }

    public bool IsDebugEnabled { get; }

    public void Verbose(string message)
    {
        if (IsVerboseEnabled)
        {
            _pump.Post(() => _seam.WriteVerbose(message));
        }
    }

    public void Debug(string message)
    {
        if (IsDebugEnabled)
        {
            _pump.Post(() => _seam.WriteDebug(message));
        }
    }
}
