using System;
using System.Collections.Generic;
using System.Linq;
using TokenAdmin.Connections;
using TokenAdmin.Hdc;
using TokenAdmin.SecurId;

namespace TokenAdmin.Tests.Support;

/// <summary>
/// Pipeline records for <see cref="CommandHarness"/>: what a piped object sets on the next command,
/// written out per command. The engine tests show PowerShell binds exactly these properties.
/// </summary>
internal static class Piped
{
    /// <summary>Token strings, or Get-AuthToken output (Token, UserId, UserFullName, Connection), into Remove-AuthToken.</summary>
    public static IEnumerable<Action> Into(RemoveAuthTokenCommand command, IEnumerable<object> items) => items.Select<object, Action>(item => item switch
    {
        AuthToken token => () =>
        {
            command.Token = new[] { token.Token };
            command.UserId = token.UserId;
            command.UserFullName = token.UserFullName;
            command.Connection = token.Connection;
        },
        string value => () => command.Token = new[] { value },
        _ => throw new ArgumentException($"No pipeline record for {item.GetType().Name}."),
    }).ToList();

    /// <summary>
    /// Get-AuthToken output into Set-AuthToken: Token, UserId, Context and Connection by property name,
    /// except the parameters given on the command line (PowerShell never rebinds those from the pipeline).
    /// </summary>
    public static IEnumerable<Action> Into(SetAuthTokenCommand command, IEnumerable<AuthToken> tokens, bool contextsFromCommandLine = false, bool userIdFromCommandLine = false) =>
        tokens.Select<AuthToken, Action>(token => () =>
        {
            command.Token = token.Token;
            if (!userIdFromCommandLine)
            {
                command.UserId = token.UserId;
            }

            if (!contextsFromCommandLine)
            {
                command.Context = token.Context;
            }

            command.Connection = token.Connection;
        }).ToList();

    /// <summary>Rows with UserId and Context (a CSV file's) into New-AuthToken.</summary>
    public static IEnumerable<Action> Into(NewAuthTokenCommand command, params (long UserId, string[] Context)[] rows) =>
        rows.Select<(long UserId, string[] Context), Action>(row => () =>
        {
            command.UserId = row.UserId;
            command.Context = row.Context;
        }).ToList();

    /// <summary>Rows with a UserId column into Get-AuthToken.</summary>
    public static IEnumerable<Action> Into(GetAuthTokenCommand command, params long[] userIds) =>
        userIds.Select<long, Action>(userId => () => command.UserId = new[] { userId }).ToList();

    /// <summary>Names by value into Get-AuthTokenContext.</summary>
    public static IEnumerable<Action> Into(GetAuthTokenContextCommand command, params string[] names) =>
        names.Select<string, Action>(name => () => command.Name = new[] { name }).ToList();

    /// <summary>Connection objects into Disconnect-TokenAdmin: Service by property name.</summary>
    public static IEnumerable<Action> Into(DisconnectTokenAdminCommand command, IEnumerable<TokenAdminConnection> connections) =>
        connections.Select<TokenAdminConnection, Action>(connection => () => command.Service = new[] { connection.Service }).ToList();

    /// <summary>Serial strings, or Get-SecurIdHardwareToken output (SerialNumber, UserId, Connection), into Remove-SecurIdHardwareToken.</summary>
    public static IEnumerable<Action> Into(RemoveSecurIdHardwareTokenCommand command, IEnumerable<object> items) => items.Select<object, Action>(item => item switch
    {
        SecurIdHardwareToken token => () =>
        {
            command.SerialNumber = new[] { token.SerialNumber };
            command.UserId = token.UserId;
            command.Connection = token.Connection;
        },
        string serial => () => command.SerialNumber = new[] { serial },
        _ => throw new ArgumentException($"No pipeline record for {item.GetType().Name}."),
    }).ToList();

    /// <summary>Serial strings by value into Get-SecurIdHardwareToken.</summary>
    public static IEnumerable<Action> Into(GetSecurIdHardwareTokenCommand command, params string[] serials) =>
        serials.Select<string, Action>(serial => () => command.SerialNumber = new[] { serial }).ToList();
}
