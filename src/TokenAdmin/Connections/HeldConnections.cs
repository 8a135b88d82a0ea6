using System.Collections.Generic;
using System.Management.Automation;
using TokenAdmin.Commands;
using TokenAdmin.Errors;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Connections;

/// <summary>
/// The connections one command uses, held until it ends: a Connect-* or Disconnect-TokenAdmin
/// elsewhere (another runspace) changes what later commands use, never a running one.
/// </summary>
internal sealed class HeldConnections<TConnection>
    where TConnection : TokenAdminConnection
{
    private readonly List<TokenAdminConnection> _held = new();
    private readonly ConnectionStore _store;
    private readonly TokenAdminService _service;
    private readonly ErrorVocabulary _vocabulary;
    private TConnection? _default;

    public HeldConnections(ConnectionStore store, TokenAdminService service, ErrorVocabulary vocabulary)
    {
        _store = store;
        _service = service;
        _vocabulary = vocabulary;
    }

    /// <summary>
    /// The connection a record names (-Connection, or the objects it was read through), else the
    /// session's current one; null with the error that says why there is none. Objects read through a
    /// connection closed since (Disconnect, then Connect again) go on with the current connection to
    /// the same base URL (<paramref name="note"/> says so).
    /// </summary>
    public TConnection? Resolve(TConnection? given, out CommandError? error, out string? note)
    {
        error = null;
        note = null;
        if (given is null)
        {
            return Default() ?? Fail(out error, new CommandError(
                new TokenAdminException($"Not connected to {_vocabulary.ServiceName}. Run {_vocabulary.ConnectCommand} first, or pass -Connection.", ErrorIds.NotConnected),
                ErrorIds.NotConnected, ErrorCategory.ConnectionError, null));
        }

        if (Hold(given))
        {
            return given;
        }

        if (Default() is { } current && current.BaseUri == given.BaseUri)
        {
            note = $"The connection these objects were read through is closed; using the current connection to {current.BaseUri} ({current}).";
            return current;
        }

        return Fail(out error, new CommandError(
            new TokenAdminException($"This {_vocabulary.ServiceName} connection to {given.BaseUri} was closed by Disconnect-TokenAdmin. Run {_vocabulary.ConnectCommand} again.", ErrorIds.ConnectionClosed),
            ErrorIds.ConnectionClosed, ErrorCategory.ConnectionError, given));
    }

    /// <summary>At the command's end, whatever way it ends.</summary>
    public void ReleaseAll()
    {
        foreach (var connection in _held)
        {
            connection.Release();
        }

        _held.Clear();
    }

    private static TConnection? Fail(out CommandError? error, CommandError why)
    {
        error = why;
        return null;
    }

    /// <summary>The session's current connection when the command first needed it, held to its end.</summary>
    private TConnection? Default()
    {
        if (_default is not null)
        {
            return _default;
        }

        // A Connect-* elsewhere may close the one just read before it is held: read again.
        while (_store.Current<TConnection>(_service) is { } current)
        {
            if (Hold(current))
            {
                return _default = current;
            }

            if (ReferenceEquals(_store.Current<TConnection>(_service), current))
            {
                return null;
            }
        }

        return null;
    }

    private bool Hold(TConnection connection)
    {
        if (_held.Contains(connection))
        {
            return true;
        }

        if (!connection.TryAcquire())
        {
            return false;
        }

        _held.Add(connection);
        return true;
    }
}
