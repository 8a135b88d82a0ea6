using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace TokenAdmin.Engine.Tests.Support;

/// <summary>What one script wrote, stream by stream, and the terminating error if it threw.</summary>
internal sealed class ShellResult
{
    public required IReadOnlyList<PSObject> Output { get; init; }

    public required IReadOnlyList<ErrorRecord> Errors { get; init; }

    public required IReadOnlyList<WarningRecord> Warnings { get; init; }

    public required IReadOnlyList<VerboseRecord> Verbose { get; init; }

    public required IReadOnlyList<DebugRecord> Debug { get; init; }

    public required IReadOnlyList<ProgressRecord> Progress { get; init; }

    public required IReadOnlyList<InformationRecord> Information { get; init; }

    /// <summary>The terminating error, when the script threw; null otherwise.</summary>
    public RuntimeException? Terminating { get; init; }

    /// <summary>
    /// The first error, terminating or not: a statement-terminating error (a binding failure) in a
    /// script is written to the error stream and the script goes on, as at the prompt.
    /// </summary>
    public ErrorRecord? FirstError => Errors.Count > 0 ? Errors[0] : Terminating?.ErrorRecord;

    public IEnumerable<T> OutputOf<T>() => Output.Select(o => o.BaseObject).OfType<T>();

    /// <summary>The output as strings (for scripts ending in Out-String).</summary>
    public string Text => string.Concat(Output.Select(o => o?.ToString()));

    /// <summary>
    /// Everything a user could read: output, each stream and every error's message, details,
    /// target, exception chain and invocation line. Secret sweeps search this.
    /// </summary>
    public string AllText()
    {
        var parts = new List<string?>();
        parts.AddRange(Output.Select(o => o?.ToString()));
        parts.AddRange(Warnings.Select(w => w.Message));
        parts.AddRange(Verbose.Select(v => v.Message));
        parts.AddRange(Debug.Select(d => d.Message));
        parts.AddRange(Progress.Select(p => $"{p.Activity} {p.StatusDescription} {p.CurrentOperation}"));
        parts.AddRange(Information.Select(i => i.MessageData?.ToString()));
        foreach (var error in Terminating is null ? Errors : Errors.Append(Terminating.ErrorRecord))
        {
            parts.Add(error.ToString());
            parts.Add(error.ErrorDetails?.Message);
            parts.Add(error.ErrorDetails?.RecommendedAction);
            parts.Add(error.TargetObject?.ToString());
            parts.Add(error.CategoryInfo.ToString());
            for (Exception? e = error.Exception; e is not null; e = e.InnerException)
            {
                parts.Add(e.ToString());
            }
        }

        return string.Join("\n", parts.Where(p => p is not null));
    }
}
