using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Net;
using TokenAdmin.Commands;
using TokenAdmin.Items;

namespace TokenAdmin.Runtime;

/// <summary>
/// The narrow seam between cmdlet logic and the PowerShell runtime. In PowerShell it is
/// <see cref="PowerShellCommandSeam"/>; in xunit a recorder, so the cmdlet classes themselves run
/// against the emulator without a PowerShell host. Called only on the pipeline thread.
/// </summary>
internal interface ICommandSeam
{
    bool IsVerboseEnabled { get; }

    bool IsDebugEnabled { get; }

    void WriteObject(object value);

    void WriteError(CommandError error);

    [DoesNotReturn]
    void ThrowTerminatingError(CommandError error);

    /// <summary>-WhatIf / -Confirm. False means: do not act, send nothing.</summary>
    bool ShouldProcess(string target, string action);

    /// <summary>-WhatIf is in effect (given, or $WhatIfPreference): ShouldProcess only shows.</summary>
    bool IsWhatIf { get; }

    void WriteVerbose(string message);

    void WriteDebug(string message);

    void WriteWarning(string message);

    void WriteProgress(ProgressUpdate progress);

    /// <summary>PSCredential's contents come from the runtime (the reference assembly's are empty).</summary>
    NetworkCredential? ToNetworkCredential(PSCredential? credential);

    /// <summary>
    /// The credential's user name exactly as typed ("corp\\jdoe" stays whole): a service's login is
    /// never a part of it. NetworkCredential splits off a domain, which only a proxy's NTLM wants.
    /// </summary>
    string? UserNameAsTyped(PSCredential? credential);

    /// <summary>A user-supplied path, relative to the current PowerShell location, as a file system path.</summary>
    string ResolvePath(string path);
}
