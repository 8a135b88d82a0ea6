using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using TokenAdmin.Commands;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Tests.Support;

/// <summary>
/// Stands in for the PowerShell runtime: records every stream, answers ShouldProcess like
/// -WhatIf / -Confirm would, and fails any call made off the pipeline thread (PowerShell would throw).
/// </summary>
internal sealed class RecordingSeam : ICommandSeam
{
    private readonly int _pipelineThread = Environment.CurrentManagedThreadId;

    public List<object> Output { get; } = new();
    public List<CommandError> Errors { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<string> Debug { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<ProgressUpdate> Progress { get; } = new();
    public List<string> WhatIf { get; } = new();
    public List<string> OffThreadCalls { get; } = new();

    public CommandError? Terminating { get; private set; }

    /// <summary>-WhatIf: ShouldProcess answers no and records the "What if:" line.</summary>
    public bool WhatIfMode { get; set; }

    public bool IsWhatIf => WhatIfMode;

    public bool IsVerboseEnabled { get; set; } = true;

    public bool IsDebugEnabled { get; set; } = true;

    /// <summary>PSCredential from the reference assemblies is empty; tests map instances to contents.</summary>
    public Dictionary<PSCredential, NetworkCredential> Credentials { get; } = new();

    public IEnumerable<T> OutputOf<T>() => Output.OfType<T>();

    public void WriteObject(object value) => Record(Output, value);

    public void WriteError(CommandError error) => Record(Errors, error);

    [DoesNotReturn]
    public void ThrowTerminatingError(CommandError error)
    {
        CheckThread(nameof(ThrowTerminatingError));
        Terminating = error;
        throw new TerminatingErrorException(error);
    }

    public bool ShouldProcess(string target, string action)
    {
        CheckThread(nameof(ShouldProcess));
        if (WhatIfMode)
        {
            WhatIf.Add($"What if: Performing the operation \"{action}\" on target \"{target}\".");
            return false;
        }

        return true;
    }

    public void WriteVerbose(string message) => Record(Verbose, message);

    public void WriteDebug(string message) => Record(Debug, message);

    public void WriteWarning(string message) => Record(Warnings, message);

    public void WriteProgress(ProgressUpdate progress) => Record(Progress, progress);

    public NetworkCredential? ToNetworkCredential(PSCredential? credential) =>
        credential is null ? null : Credentials[credential];

    /// <summary>As PSCredential.UserName: the domain, when the test set one, in front ("corp\\jdoe").</summary>
    public string? UserNameAsTyped(PSCredential? credential) =>
        credential is null ? null : Credentials[credential] is { Domain.Length: > 0 } split ? $"{split.Domain}\\{split.UserName}" : Credentials[credential].UserName;

    public string ResolvePath(string path) => Path.GetFullPath(path);

    /// <summary>Every text a user could see: streams, error messages, targets, object renderings.</summary>
    public string AllText() => string.Join("\n", Output.Select(Render)
        .Concat(Verbose).Concat(Debug).Concat(Warnings).Concat(WhatIf)
        .Concat(Progress.Select(p => $"{p.Activity} {p.Status}"))
        .Concat(Errors.Append(Terminating).Where(e => e is not null).SelectMany(e => ErrorTexts(e!))));

    private static IEnumerable<string> ErrorTexts(CommandError error)
    {
        yield return error.DisplayMessage;
        yield return error.RecommendedAction ?? string.Empty;
        yield return error.TargetObject?.ToString() ?? string.Empty;
        for (var ex = error.Exception; ex is not null; ex = ex.InnerException)
        {
            yield return ex.ToString();
            if (ex is TokenAdmin.Core.Http.ServiceException service)
            {
                yield return $"{service.BodyExcerpt} {service.ServiceMessage} {service.Url} {service.ServiceErrorCode}";
            }
        }
    }

    /// <summary>What a default view could show: ToString and every property but the documented Token.</summary>
    private static string Render(object value) => value.ToString() + " " + string.Join(" ",
        value.GetType().GetProperties()
            .Where(p => p.Name != "Token" && p.GetIndexParameters().Length == 0)
            .Select(p => p.GetValue(value) switch
            {
                Array array => string.Join(",", array.Cast<object>()),
                var other => other?.ToString(),
            }));

    private void Record<T>(List<T> list, T item)
    {
        CheckThread(typeof(T).Name);
        lock (list)
        {
            list.Add(item);
        }
    }

    private void CheckThread(string call)
    {
        if (Environment.CurrentManagedThreadId != _pipelineThread)
        {
            lock (OffThreadCalls)
            {
                OffThreadCalls.Add(call);
            }
        }
    }
}

internal sealed class TerminatingErrorException : Exception
{
    public TerminatingErrorException(CommandError error)
        : base(error.DisplayMessage) => Error = error;

    public CommandError Error { get; }
}
