using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TokenAdmin.Audit;
using TokenAdmin.Connections;
using TokenAdmin.Core.Apstrata;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Text;
using TokenAdmin.Items;
using TokenAdmin.Runtime;
using LoginItem = (string Login, bool Own); // Own: the token connection's own token, not every token of a login
using TokenAdmin.Commands;

namespace TokenAdmin.Apstrata;

/// <summary>Deletes apstrata user tokens: the token connection's own, or, as the owner, every token of the users named.</summary>
/// <remarks>
/// <para>On a token connection, with no -UserLogin: deletes that token (apsdb.authToken and apsws.user
/// name it), and the connection, now useless, is closed.</para>
/// <para>On an owner connection: -UserLogin names users (by value, or by property name from Import-Csv
/// with a Login or UserLogin column). Each login is confirmed (-WhatIf, -Confirm), collected, and sent at
/// most 100 per signed request, up to -ThrottleLimit requests at once, with progress. A request that fails
/// writes an error for each of its logins (TargetObject: the login) saying so; the other requests go on.</para>
/// <para>-UserLogin on a user or token connection, or no login on an owner connection, is refused
/// before anything is sent.</para>
/// </remarks>
/// <example title="Offboard users as the owner">
/// <code>Import-Csv ./leavers.csv | Remove-ApstrataToken -Confirm:$false -PassThru</code>
/// <para>A Login column binds -UserLogin; 250 logins go as 3 requests.</para>
/// </example>
/// <example title="End a token connection">
/// <code>Remove-ApstrataToken -Confirm:$false</code>
/// <para>Deletes the connection's own token; the connection is closed.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "ApstrataToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ApstrataTokenRemovalResult))]
public sealed class RemoveApstrataTokenCommand : BulkRemoveCommand<ApstrataConnection, LoginItem, bool>
{
    /// <summary>Logins whose tokens to delete (owner connections only).</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Login")]
    [ValidateNotNullOrEmpty]
    public string[]? UserLogin { get; set; }

    private protected override string ProgressActivity => "Removing apstrata tokens (requests of up to 100 logins)";

    private protected override IReadOnlyList<string> ItemProperties { get; } = new[] { nameof(UserLogin), "Login" };

    internal override int MaxItemsPerRequest => ApstrataProtocol.MaxUsersPerRequest;

    internal override bool SendsEachItemOnce => true;

    internal override string ItemsNoun => "logins";

    private protected override IReadOnlyList<LoginItem> BoundItems() =>
        (UserLogin ?? Array.Empty<string>()).Select(login => (login, false)).ToArray();

    /// <summary>Logins on an owner connection; none on a token connection: its own token.</summary>
    private protected override IReadOnlyList<LoginItem> ItemsFor(ApstrataConnection connection, IReadOnlyList<LoginItem> bound)
    {
        var owner = connection.Client.Authenticator.Identity == ApstrataIdentity.Owner;
        if (bound.Count == 0 && owner)
        {
            Terminate(ApstrataConnectionKinds.Require(connection, ApstrataIdentity.Token, "Remove-ApstrataToken without -UserLogin")!);
        }

        if (bound.Count > 0 && ApstrataConnectionKinds.Require(connection, ApstrataIdentity.Owner, "Remove-ApstrataToken -UserLogin") is { } wrong)
        {
            Terminate(wrong);
        }

        return bound.Count > 0 ? bound : new[] { (connection.UserName ?? string.Empty, true) };
    }

    /// <summary>A login that cannot be one (" ", a line feed, too long) is refused alone; the others are sent.</summary>
    internal override CommandError? Problem(LoginItem item) =>
        item.Own || ApstrataProtocol.LoginProblem(item.Login) is not { } problem ? null : ApstrataErrors.NotALogin(item.Login, problem);

    internal override ItemDescription Describe(ApstrataConnection connection, LoginItem item) => item.Own
        ? new($"the apstrata token of {connection.UserName} ({connection.AuthKey}) this connection uses", new AuditTarget("Remove token", "ApstrataToken", item.Login), item.Login, EchoedText.Of(item.Login))
        : new($"apstrata tokens of {EchoedText.Of(item.Login)} ({connection.AuthKey})", new AuditTarget("Remove tokens", "ApstrataUserTokens", item.Login), item.Login, EchoedText.Of(item.Login));

    internal override object NotAttemptedForm(LoginItem item) => item.Login;

    internal override async Task<bool> SendAsync(ApstrataConnection connection, IReadOnlyList<LoginItem> items, RequestContext call)
    {
        if (items[0].Own)
        {
            await connection.Client.DeleteOwnTokenAsync(call).ConfigureAwait(false);
        }
        else
        {
            await connection.Client.DeleteUserTokensAsync(items.Select(i => i.Login).ToArray(), call).ConfigureAwait(false);
        }

        return true;
    }

    internal override object PassThruResult(ApstrataConnection connection, LoginItem item, bool result) =>
        new ApstrataTokenRemovalResult(item.Login, connection.AuthKey, connection.BaseUri, connection.Http.Clock.UtcNow);

    /// <summary>The connection's own token is gone: it cannot authenticate any more, so it is closed.</summary>
    internal override void AfterRemoved(ApstrataConnection connection, LoginItem item)
    {
        if (item.Own)
        {
            Connections.Close(connection);
        }
    }
}
