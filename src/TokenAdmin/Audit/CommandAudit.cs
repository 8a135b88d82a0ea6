using System;
using System.IO;
using System.Management.Automation;
using TokenAdmin.Core.Audit;
using TokenAdmin.Core.Http;
using TokenAdmin.Errors;
using TokenAdmin.Runtime;

namespace TokenAdmin.Audit;

/// <summary>
/// One command's audit lines: what it knows of every entry (service, tenant, identity, command,
/// version) joined with each item's target and outcome. Written on the pipeline thread as each
/// outcome is known. A change whose line cannot be written is a non-terminating error naming the
/// change (the change itself is reported as usual); with a strict log (Set-TokenAdminAuditLog -Strict)
/// it also stops every later change until the log is set again. A lost line of what was not a change
/// (not attempted, would) is one warning per command.
/// </summary>
internal sealed class CommandAudit
{
    private static readonly string Version = typeof(CommandAudit).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly AuditSettings.Current _log;
    private readonly ICommandSeam _seam;
    private readonly string _command;
    private bool _warned;

    private CommandAudit(AuditSettings.Current log, ICommandSeam seam, string command)
    {
        _log = log;
        _seam = seam;
        _command = command;
    }

    /// <summary>Null when auditing is off: the commands then do no audit work at all.</summary>
    public static CommandAudit? For(AuditSettings settings, ICommandSeam seam, string command) =>
        settings.Log is { } log ? new CommandAudit(log, seam, command) : null;

    public bool IncludeWhatIf => _log.IncludeWhatIf;

    /// <summary>A strict log that lost a change's line: the error every later change stops with. Null otherwise.</summary>
    public CommandError? Stop => _log.Stop;

    /// <summary>"Remove-AuthToken": the name PowerShell knows the cmdlet class by (its Cmdlet attribute).</summary>
    /// <remarks>Read from the attribute's constructor arguments: the same in PowerShell and in xunit, where the
    /// reference assembly's attribute properties are empty.</remarks>
    public static string NameOf(Type command)
    {
        foreach (var attribute in command.GetCustomAttributesData())
        {
            if (attribute.AttributeType == typeof(System.Management.Automation.CmdletAttribute) && attribute.ConstructorArguments.Count == 2)
            {
                return $"{attribute.ConstructorArguments[0].Value}-{attribute.ConstructorArguments[1].Value}";
            }
        }

        return command.Name;
    }

    /// <summary>A change that failed: "unknown" when the service may have made it all the same (an attempt broke off unanswered), else "failed".</summary>
    /// <summary>A change a client made on its own (PowerClerk's MST renewal), done or failed with <paramref name="error"/>.</summary>
    public void WriteOwnChange(TokenAdminConnection connection, Core.Http.OwnChange change, CommandError? error)
    {
        var target = new AuditTarget(change.Operation, change.TargetType, change.Target, connection.UserName);
        if (error is not null)
        {
            WriteFailure(connection, target, error, change.Attempts, change.RequestId);
        }
        else
        {
            Write(connection, target, AuditOutcome.Done, change.Attempts, change.RequestId);
        }
    }

    public bool WriteFailure(TokenAdminConnection connection, AuditTarget target, CommandError error, RequestTally? tally) =>
        WriteFailure(connection, target, error, tally?.Attempts ?? 0, tally?.RequestId);

    public bool WriteFailure(TokenAdminConnection connection, AuditTarget target, CommandError error, int attempts, string? requestId) =>
        Write(connection, target, error.Exception is ServiceException { OutcomeUnknown: true } ? AuditOutcome.Unknown : AuditOutcome.Failed, attempts, requestId, error.ErrorId);

    public bool Write(TokenAdminConnection connection, AuditTarget target, string outcome, RequestTally? tally = null, string? errorId = null) =>
        Write(connection, target, outcome, tally?.Attempts ?? 0, tally?.RequestId, errorId);

    /// <summary>Appends the line; false when it was lost (and said so).</summary>
    public bool Write(TokenAdminConnection connection, AuditTarget target, string outcome, int attempts, string? requestId, string? errorId = null)
    {
        var entry = new AuditEntry
        {
            Time = connection.Http.Clock.UtcNow,
            Service = connection.Service.ToString(),
            BaseUrl = connection.BaseUri.AbsoluteUri,
            Identity = connection.AuditIdentity,
            Command = _command,
            Operation = target.Operation,
            TargetType = target.TargetType,
            Target = target.Target,
            Owner = target.Owner,
            Outcome = outcome,
            ErrorId = errorId,
            Attempts = attempts,
            RequestId = requestId,
            Version = Version,
        };
        try
        {
            _log.File.Append(entry);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Lost(target, outcome, exception);
            return false;
        }
    }

    private void Lost(AuditTarget target, string outcome, Exception exception)
    {
        if (outcome is AuditOutcome.NotAttempted or AuditOutcome.Would)
        {
            if (!_warned)
            {
                _warned = true;
                _seam.WriteWarning($"Could not write to the audit log {_log.File.Path}: {exception.Message} Lines for changes not made may be missing from it.");
            }

            return;
        }

        var change = $"'{target.Operation} {target.Target}' ({outcome})";
        _seam.WriteError(new CommandError(
            new TokenAdminException($"The audit log {_log.File.Path} has no line for {change}: {exception.Message}", ErrorIds.AuditLineNotWritten),
            ErrorIds.AuditLineNotWritten, ErrorCategory.WriteError, target.Target)
        {
            RecommendedAction = "Free or fix the log's file system (or the process holding the file), then check the change itself: it is reported as usual.",
        });
        if (_log.Strict)
        {
            _log.Stopped(new CommandError(
                new TokenAdminException(
                    $"The audit log {_log.File.Path} is strict and could not record {change}: no further change is made until Set-TokenAdminAuditLog is run again.",
                    ErrorIds.AuditLogStopped),
                ErrorIds.AuditLogStopped, ErrorCategory.WriteError, _log.File.Path));
        }
    }
}
