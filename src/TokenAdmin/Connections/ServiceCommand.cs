using System;
using System.Management.Automation;
using TokenAdmin.Core.Http;
using TokenAdmin.Errors;
using TokenAdmin.Runtime;

namespace TokenAdmin.Connections;

/// <summary>
/// Base of a command that talks to one service: -Connection (default: the last Connect-* for
/// that service; also bound from piped objects that carry their connection), and error helpers.
/// </summary>
public abstract class ServiceCommand<TConnection> : TokenAdminCommand
    where TConnection : TokenAdminConnection
{
    /// <summary>The connection to use. Default: the last Connect-* for this service.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public TConnection? Connection { get; set; }

    private protected abstract TokenAdminService Service { get; }

    private protected abstract ErrorVocabulary Vocabulary { get; }

    /// <summary>
    /// The connection for the current record; terminates when there is none, since every later item
    /// would fail too. Objects read through a connection that has since been closed (Disconnect, then
    /// Connect again) go on with the current connection to the same base URL.
    /// </summary>
    private protected TConnection RequireConnection()
    {
        var current = Connections.Current<TConnection>(Service);
        var connection = Connection ?? current;
        if (connection is null)
        {
            Seam.ThrowTerminatingError(new CommandError(
                new TokenAdminException($"Not connected to {Vocabulary.ServiceName}. Run {Vocabulary.ConnectCommand} first, or pass -Connection.", ErrorIds.NotConnected),
                ErrorIds.NotConnected, ErrorCategory.ConnectionError, null));
        }

        if (connection.IsOpen)
        {
            return connection;
        }

        if (current is { IsOpen: true } && current.BaseUri == connection.BaseUri)
        {
            Seam.WriteVerbose($"The connection these objects were read through is closed; using the current connection to {current.BaseUri} ({current}).");
            return current;
        }

        Seam.ThrowTerminatingError(new CommandError(
            new TokenAdminException($"This {Vocabulary.ServiceName} connection to {connection.BaseUri} was closed by Disconnect-TokenAdmin. Run {Vocabulary.ConnectCommand} again.", ErrorIds.ConnectionClosed),
            ErrorIds.ConnectionClosed, ErrorCategory.ConnectionError, connection));
        return connection; // not reached
    }

    /// <summary>Runs one request on the pump; a failure is written as a non-terminating error for <paramref name="target"/>.</summary>
    private protected bool TryRun<T>(Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<T>> operation, object? target, out T result,
        ErrorVocabulary? vocabulary = null)
    {
        try
        {
            result = Pump.Run(operation);
            return true;
        }
        catch (Exception ex) when (ToError(ex, target, vocabulary) is { } error)
        {
            WriteItemError(error);
            result = default!;
            return false;
        }
    }

    /// <summary>
    /// Starts one item of a bulk run: when it ends, <paramref name="succeeded"/> runs on the pipeline
    /// thread, or its failure is written as the item's error (with <paramref name="vocabulary"/>'s
    /// meanings). Anything that is not a service failure is a bug and surfaces as it is.
    /// </summary>
    private protected void StartItem<T>(ThrottledRunner runner, Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<T>> work,
        object target, ErrorVocabulary vocabulary, Action<T> succeeded) =>
        runner.Start(work, completed =>
        {
            if (completed.Exception?.InnerException is { } failure)
            {
                var error = ToError(failure, target, vocabulary);
                if (error is null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
                }

                WriteItemError(error);
            }
            else if (completed.IsCompletedSuccessfully)
            {
                succeeded(completed.Result);
            }
        });

    /// <summary>
    /// Non-terminating, except when the credentials were refused: every later item would fail the
    /// same way, so the command stops instead of repeating the error for each.
    /// </summary>
    private protected void WriteItemError(CommandError error)
    {
        if (error.ErrorId == ErrorIds.AuthenticationFailed)
        {
            Seam.ThrowTerminatingError(error);
        }

        Seam.WriteError(error);
    }

    /// <summary>
    /// The CommandError for an exception the core raises for one item, or null for anything else (a
    /// bug: let it surface). <paramref name="vocabulary"/> overrides the service's own, for operations
    /// whose statuses mean something more specific (a 404 on a token's DELETE: that token is gone).
    /// </summary>
    private protected CommandError? ToError(Exception exception, object? target, ErrorVocabulary? vocabulary = null) => exception switch
    {
        ServiceException service => ServiceErrorTranslator.Translate(service, target, vocabulary ?? Vocabulary),
        ArgumentException argument => ServiceErrorTranslator.InvalidArgument(argument, target),
        ObjectDisposedException => new CommandError(
            new TokenAdminException($"This {Vocabulary.ServiceName} connection was closed. Run {Vocabulary.ConnectCommand} again.", ErrorIds.ConnectionClosed),
            ErrorIds.ConnectionClosed, ErrorCategory.ConnectionError, target),
        _ => null,
    };
}
