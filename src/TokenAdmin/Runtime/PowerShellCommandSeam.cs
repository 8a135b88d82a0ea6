using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Net;
using TokenAdmin.Commands;
using TokenAdmin.Items;

namespace TokenAdmin.Runtime;

/// <summary>The production seam: forwards to the cmdlet's own PowerShell methods.</summary>
internal sealed class PowerShellCommandSeam : ICommandSeam
{
    private readonly PSCmdlet _cmdlet;

    public PowerShellCommandSeam(PSCmdlet cmdlet)
    {
        _cmdlet = cmdlet;
        IsVerboseEnabled = IsStreamEnabled("Verbose", "VerbosePreference");
        IsDebugEnabled = IsStreamEnabled("Debug", "DebugPreference");
    }

    public bool IsVerboseEnabled { get; }

    public bool IsDebugEnabled { get; }

    public void WriteObject(object value) => _cmdlet.WriteObject(value);

    public void WriteError(CommandError error) => _cmdlet.WriteError(error.ToErrorRecord());

    [DoesNotReturn]
    public void ThrowTerminatingError(CommandError error)
    {
        _cmdlet.ThrowTerminatingError(error.ToErrorRecord());
        throw new PipelineStoppedException(); // not reached: ThrowTerminatingError always throws
    }

    public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);

    public bool IsWhatIf => _cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
        ? bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound)
        : LanguagePrimitives.IsTrue(_cmdlet.GetVariableValue("WhatIfPreference"));

    public void WriteVerbose(string message) => _cmdlet.WriteVerbose(message);

    public void WriteDebug(string message) => _cmdlet.WriteDebug(message);

    public void WriteWarning(string message) => _cmdlet.WriteWarning(message);

    public void WriteProgress(ProgressUpdate progress) =>
        _cmdlet.WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
        {
            PercentComplete = progress.PercentComplete,
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });

    public NetworkCredential? ToNetworkCredential(PSCredential? credential) => credential?.GetNetworkCredential();

    public string? UserNameAsTyped(PSCredential? credential) => credential?.UserName;

    public string ResolvePath(string path) => _cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>-Verbose:$true/$false wins; otherwise the preference variable in scope.</summary>
    private bool IsStreamEnabled(string switchName, string preferenceVariable)
    {
        if (_cmdlet.MyInvocation.BoundParameters.TryGetValue(switchName, out var bound))
        {
            return bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
        }

        // A preference may hold a string ($VerbosePreference = 'Continue'); PowerShell converts it, so do we.
        return LanguagePrimitives.TryConvertTo<ActionPreference>(_cmdlet.GetVariableValue(preferenceVariable), out var preference)
            && preference is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }
}
