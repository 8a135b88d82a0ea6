using System;
using System.IO;
using TokenAdmin.Core.Audit;
using TokenAdmin.Core.Http;
using TokenAdmin.Runtime;

namespace TokenAdmin.Audit;

/// <summary>
/// One command's audit lines: what it knows of every entry (service, tenant, identity, command,
/// version) joined with each item's target and outcome. Written on the pipeline thread as each
/// outcome is known. A line that cannot be written is a warning, once per command: the change
/// itself has happened and is reported as usual.
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
    public void WriteFailure(TokenAdminConnection connection, AuditTarget target, CommandError error, RequestTally? tally) =>
        WriteFailure(connection, target, error, tally?.Attempts ?? 0, tally?.RequestId);

    public void WriteFailure(TokenAdminConnection connection, AuditTarget target, CommandError error, int attempts, string? requestId) =>
        Write(connection, target, error.Exception is ServiceException { OutcomeUnknown: true } ? AuditOutcome.Unknown : AuditOutcome.Failed, attempts, requestId, error.ErrorId);

    public void Write(TokenAdminConnection connection, AuditTarget target, string outcome, RequestTally? tally = null, string? errorId = null) =>
        Write(connection, target, outcome, tally?.Attempts ?? 0, tally?.RequestId, errorId);

    public void Write(TokenAdminConnection connection, AuditTarget target, string outcome, int attempts, string? requestId, string? errorId = null)
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
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (!_warned)
            {
                _warned = true;
                _seam.WriteWarning($"Could not write to the audit log {_log.File.Path}: {exception.Message} Changes of this command may be missing from it.");
            }
        }
    }
}
