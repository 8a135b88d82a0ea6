using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace TokenAdmin.Connections;

/// <summary>
/// The current connection per service: what -Connection defaults to. Process-wide, so
/// ForEach-Object -Parallel and thread jobs use the connection made in the session.
/// </summary>
internal sealed class ConnectionStore
{
    private readonly ConcurrentDictionary<TokenAdminService, TokenAdminConnection> _current = new();

    public static ConnectionStore Session { get; } = new();

    /// <summary>
    /// Makes <paramref name="connection"/> current. The one it replaces is closed unless it was handed
    /// out (-PassThru, or objects read through it): whoever holds it may still use it. Reconnecting
    /// in a loop must not leak connection pools.
    /// </summary>
    public void SetCurrent(TokenAdminConnection connection)
    {
        TokenAdminConnection? replaced = null;
        _current.AddOrUpdate(connection.Service, connection, (_, old) =>
        {
            replaced = old;
            return connection;
        });
        if (replaced is not null && !ReferenceEquals(replaced, connection) && !replaced.HandedOut)
        {
            replaced.Dispose();
        }
    }

    public T? Current<T>(TokenAdminService service)
        where T : TokenAdminConnection =>
        _current.TryGetValue(service, out var connection) ? connection as T : null;

    public IReadOnlyList<TokenAdminConnection> All() =>
        _current.Values.OrderBy(c => c.Service).ToList();

    /// <summary>Forgets and closes the current connection of <paramref name="service"/>.</summary>
    public TokenAdminConnection? Remove(TokenAdminService service)
    {
        if (_current.TryRemove(service, out var connection))
        {
            connection.Dispose();
            return connection;
        }

        return null;
    }

    /// <summary>Closes <paramref name="connection"/> (its credential is gone), and forgets it when it is the current one.</summary>
    public void Close(TokenAdminConnection connection)
    {
        // Forgotten only if it is still the current one: a Connect-* elsewhere may have replaced it meanwhile.
        _current.TryRemove(new KeyValuePair<TokenAdminService, TokenAdminConnection>(connection.Service, connection));
        connection.Dispose();
    }

    public void Clear()
    {
        foreach (var service in _current.Keys.ToList())
        {
            Remove(service);
        }
    }
}
