using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Audit;
using TokenAdmin.Connections;
using TokenAdmin.Core.Audit;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Apstrata;
using TokenAdmin.Core.Text;
using TokenAdmin.Runtime;

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
public sealed class RemoveApstrataTokenCommand : BulkRemoveCommand<ApstrataConnection>
{
    private readonly List<string> _batch = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private ApstrataConnection? _connection;

    /// <summary>Logins whose tokens to delete (owner connections only).</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Login")]
    [ValidateNotNullOrEmpty]
    public string[]? UserLogin { get; set; }

    private protected override string ProgressActivity => "Removing apstrata tokens (requests of up to 100 logins)";

    /// <summary>The progress bar counts requests: one per 100 logins.</summary>
    private protected override int ItemsBoundOnCommandLine =>
        UserLogin is { Length: > 0 } logins ? (logins.Distinct(StringComparer.Ordinal).Count() + ApstrataProtocol.MaxUsersPerRequest - 1) / ApstrataProtocol.MaxUsersPerRequest : 0;

    private protected override IReadOnlyList<string> ItemProperties { get; } = new[] { nameof(UserLogin), "Login" };

    private protected override IEnumerable<object> CurrentItemsNotAttempted() => _batch.ToArray();

    private protected override void ProcessItems()
    {
        var connection = _connection = RequireConnection();
        var identity = connection.Client.Authenticator.Identity;
        if (UserLogin is not { Length: > 0 } logins)
        {
            if (identity == ApstrataIdentity.Owner)
            {
                Seam.ThrowTerminatingError(ApstrataConnectionKinds.Require(connection, ApstrataIdentity.Token, "Remove-ApstrataToken without -UserLogin")!);
            }

            RemoveOwn(connection);
            return;
        }

        if (ApstrataConnectionKinds.Require(connection, ApstrataIdentity.Owner, "Remove-ApstrataToken -UserLogin") is { } wrong)
        {
            Seam.ThrowTerminatingError(wrong);
        }

        foreach (var login in logins.Where(l => _seen.Add(l)))
        {
            // A login that cannot be one (" ", a line feed, too long) is refused alone; the others are sent.
            if (ApstrataProtocol.LoginProblem(login) is { } problem)
            {
                Seam.WriteError(new CommandError(new TokenAdminException($"'{EchoedText.Of(login)}' is not an apstrata login ({problem}, at most {ApstrataProtocol.MaxLoginLength} characters); nothing was sent for it.", Errors.ErrorIds.InvalidArgument),
                    Errors.ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, login));
                continue;
            }

            if (ShouldChange(connection, $"apstrata tokens of {EchoedText.Of(login)} ({connection.AuthKey})", UserTokens(login)))
            {
                _batch.Add(login);
                if (_batch.Count == ApstrataProtocol.MaxUsersPerRequest)
                {
                    Flush(connection);
                }
            }
        }
    }

    private protected override void End()
    {
        if (_connection is { } connection && _batch.Count > 0)
        {
            Flush(connection);
        }

        base.End();
    }

    private void RemoveOwn(ApstrataConnection connection)
    {
        var change = new AuditTarget("Remove token", "ApstrataToken", connection.UserName ?? string.Empty);
        if (!ShouldChange(connection, $"the apstrata token of {connection.UserName} ({connection.AuthKey}) this connection uses", change))
        {
            return;
        }

        StartChange(Runner, connection, change, async call =>
            {
                await connection.Client.DeleteOwnTokenAsync(call).ConfigureAwait(false);
                return true;
            },
            connection.UserName ?? string.Empty, () => connection.UserName ?? string.Empty, Vocabulary, _ =>
            {
                // The token is gone: the connection cannot authenticate any more.
                if (ReferenceEquals(Connections.Current<ApstrataConnection>(TokenAdminService.Apstrata), connection))
                {
                    Connections.Remove(TokenAdminService.Apstrata);
                }
                else
                {
                    connection.Dispose();
                }

                if (PassThruPresent)
                {
                    Seam.WriteObject(new ApstrataTokenRemovalResult(connection.UserName ?? string.Empty, connection.AuthKey, connection.BaseUri, connection.Http.Clock.UtcNow));
                }
            });
    }

    /// <summary>One signed request for the collected logins; its outcome is each login's.</summary>
    private void Flush(ApstrataConnection connection)
    {
        var logins = _batch.ToArray();
        _batch.Clear();
        var audit = Audit;
        RequestTally? tally = null;
        Runner.Start<bool>(() =>
            {
                foreach (var login in logins)
                {
                    audit?.Write(connection, UserTokens(login), AuditOutcome.NotAttempted);
                }

                return logins.Cast<object>().ToArray();
            },
            async ct =>
            {
                var call = audit is null ? Call(ct) : Call(ct).ForChange();
                tally = call.Tally;
                await connection.Client.DeleteUserTokensAsync(logins, call).ConfigureAwait(false);
                return true;
            },
            completed =>
            {
                if (completed.Exception?.InnerException is { } failure)
                {
                    foreach (var login in logins)
                    {
                        var error = ToError(failure, login) ?? throw failure;
                        StopIfLost(Runner, audit?.WriteFailure(connection, UserTokens(login), error, tally) ?? true);
                        var said = error with { Message = $"{error.DisplayMessage} (a request for {logins.Length} logins failed; {EchoedText.Of(login)} was among them.)" };
                        if (error.ErrorId == Errors.ErrorIds.AuthenticationFailed)
                        {
                            Runner.Fatal(said);
                        }
                        else
                        {
                            Seam.WriteError(said);
                        }
                    }
                }
                else if (completed.IsCompletedSuccessfully)
                {
                    foreach (var login in logins)
                    {
                        StopIfLost(Runner, audit?.Write(connection, UserTokens(login), AuditOutcome.Done, tally) ?? true);
                        if (PassThruPresent)
                        {
                            Seam.WriteObject(new ApstrataTokenRemovalResult(login, connection.AuthKey, connection.BaseUri, connection.Http.Clock.UtcNow));
                        }
                    }
                }
            });
    }

    /// <summary>The audited change for one login of an owner batch: all of that user's tokens.</summary>
    private static AuditTarget UserTokens(string login) => new("Remove tokens", "ApstrataUserTokens", login);
}
