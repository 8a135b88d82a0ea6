using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Audit;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Text;

namespace TokenAdmin.Hdc;

/// <summary>Changes the contexts, and optionally the user, of an HDC authentication token.</summary>
/// <remarks>
/// <para>-Context is the complete new set, by name (any case) or code. Without -UserId the token keeps its
/// current user (looked up once per command). Piped tokens bind -Token, -UserId and -Context by property
/// name, so the contexts given on the command line replace the piped ones.</para>
/// <para>-PassThru writes the updated tokens, read back in one listing after the last update.</para>
/// </remarks>
/// <example title="Rescope all of a user's tokens">
/// <code>Get-AuthToken -UserId 5 | Set-AuthToken -Context ReadDocuments</code>
/// <para>Every token of user 5 may from now on only read documents.</para>
/// </example>
/// <example title="Hand tokens over to another user">
/// <code>Get-AuthToken -UserId 12345 | Set-AuthToken -UserId 42</code>
/// <para>The tokens keep their contexts (bound from the pipeline) and now belong to user 42.</para>
/// </example>
/// <example title="Preview a change">
/// <code>Get-AuthToken -Context Manage* | Set-AuthToken -Context 2, 3 -WhatIf</code>
/// <para>Shows what would change, naming each token by its fingerprint, and sends nothing.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "AuthToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AuthToken))]
public sealed class SetAuthTokenCommand : HdcCommand
{
    private readonly List<(HdcConnection Connection, string Token)> _updated = new();
    private bool _userIdOnCommandLine;

    /// <summary>The token value to update.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Token { get; set; } = null!;

    /// <summary>The user the token belongs to after the update. Default: its current user (looked up).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    public long UserId { get; set; }

    /// <summary>The name of the token's user, bound by property name from Get-AuthToken output; for the prompt only (as Remove-AuthToken names the person).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserFullName { get; set; }

    /// <summary>The complete new set of contexts, by name (any case) or code.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ContextNameCompleter))]
    public string[] Context { get; set; } = null!;

    /// <summary>Writes the updated tokens (read back in one listing after the last update).</summary>
    [Parameter]
    public SwitchParameter PassThru
    {
        get => new(PassThruPresent);
        set => PassThruPresent = value.IsPresent;
    }

    /// <summary>The switch as the logic reads it (and tests set it: SwitchParameter is inert in the reference assemblies).</summary>
    internal bool PassThruPresent { get; set; }

    // Only command-line parameters are bound before Begin: a -UserId set now was typed (a hand-over);
    // one bound later came with the piped token (Get-AuthToken output), so it is the token's own user.
    private protected override void Begin() => _userIdOnCommandLine = UserId > 0;

    private protected override void Process()
    {
        var connection = RequireConnection();
        var target = TokenFingerprint.Of(Token);
        var requested = NormalizeContexts(Context);
        var contexts = $"Set context to {string.Join(", ", requested)}";
        var (change, owner) = (_userIdOnCommandLine, UserId > 0) switch
        {
            (true, _) => ($"{contexts} and hand it over to user {UserId}", (long?)null),
            (false, true) => (contexts, UserId),
            _ => ($"{contexts} (it keeps its user)", (long?)null),
        };
        var audited = new AuditTarget(change, nameof(AuthToken), target, owner?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!ShouldChange(connection, DescribeTarget(target, owner, owner is null ? null : UserFullName, connection.BaseUri), audited))
        {
            return;
        }

        var names = ResolveContexts(connection, requested, target);
        if (names is null)
        {
            return;
        }

        var userId = UserId > 0 ? UserId : CurrentUserOf(connection, Token, target);
        if (userId is null)
        {
            return;
        }

        if (TryChange(connection, audited with { Owner = userId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }, async call =>
            {
                await connection.Client.UpdateTokenAsync(Token, userId.Value, names, call).ConfigureAwait(false);
                return true;
            }, target, out _, HdcErrors.TokenVocabulary) && PassThruPresent)
        {
            _updated.Add((connection, Token));
        }
    }

    private protected override void End()
    {
        foreach (var group in _updated.GroupBy(u => u.Connection))
        {
            var listing = Tokens(group.Key, null, refresh: true);
            if (listing is null)
            {
                continue;
            }

            foreach (var (_, token) in group)
            {
                if (listing.FirstOrDefault(t => t.Token == token) is { } info)
                {
                    Seam.WriteObject(ToAuthToken(info, group.Key));
                }
                else
                {
                    Seam.WriteWarning($"{Describe(token)} was updated but is no longer listed (revoked since?).");
                }
            }
        }
    }

    /// <summary>PUT needs the user id; when not given, keep the token's current user.</summary>
    private long? CurrentUserOf(HdcConnection connection, string token, string target)
    {
        var listing = Tokens(connection, target);
        if (listing is null)
        {
            return null;
        }

        if (listing.FirstOrDefault(t => t.Token == token) is { } info)
        {
            return info.UserId;
        }

        Seam.WriteError(new Runtime.CommandError(
            new KeyNotFoundException($"No auth token with fingerprint {target} on {connection.BaseUri}. Get-AuthToken lists the current tokens."),
            HdcErrors.AuthTokenNotFound, ErrorCategory.ObjectNotFound, target));
        return null;
    }
}
