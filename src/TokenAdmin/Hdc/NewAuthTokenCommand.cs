using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Audit;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Text;

namespace TokenAdmin.Hdc;

/// <summary>Creates an HDC authentication token for a user.</summary>
/// <remarks>
/// <para>Scopes the new token to the contexts given by name (any case) or code; an unknown one is an
/// InvalidAuthTokenContext error listing the valid contexts, and nothing is created.</para>
/// <para>The service does not return the new token, so it is found in a listing taken right after and
/// written out. When it cannot be told apart (another client created a look-alike at the same moment)
/// a warning says so and how to find it. A create whose outcome is unknown (lost connection, gateway
/// timeout) is never repeated.</para>
/// </remarks>
/// <example title="Create a token for two operations">
/// <code>New-AuthToken -UserId 12345 -Context ReadDocuments, UploadDocuments</code>
/// <para>Creates the token and writes it; its value is in the Token property.</para>
/// </example>
/// <example title="Hand the new token's value to an integration">
/// <code>$new = New-AuthToken -UserId 12345 -Context 2
/// $new.Token | Set-Clipboard</code>
/// <para>Contexts can be given by code. Treat the value like a password.</para>
/// </example>
/// <example title="Create tokens from a file">
/// <code>Import-Csv ./new-tokens.csv | New-AuthToken</code>
/// <para>UserId and Context columns bind by property name; one token per row.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "AuthToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AuthToken))]
public sealed class NewAuthTokenCommand : HdcCommand
{
    /// <summary>Snapshot of existing token values per connection: the "before" of the next create.</summary>
    private readonly Dictionary<HdcConnection, HashSet<string>> _known = new();

    /// <summary>The user the token is for (a positive number).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    public long UserId { get; set; }

    /// <summary>Context names (any case) or codes; Get-AuthTokenContext lists them.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ContextNameCompleter))]
    public string[] Context { get; set; } = null!;

    private protected override void Process()
    {
        var connection = RequireConnection();
        var requested = NormalizeContexts(Context);
        var target = $"user {UserId}";
        var change = new AuditTarget($"Create auth token with context {string.Join(", ", requested)}", nameof(AuthToken), "(new)",
            UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!ShouldChange(connection, $"{target} on {connection.BaseUri}", change))
        {
            return;
        }

        var names = ResolveContexts(connection, requested, target);
        if (names is null)
        {
            return;
        }

        _known.TryGetValue(connection, out var before);
        if (!TryChange(connection, change, call => connection.Client.CreateTokenAsync(UserId, names, before, call), target, out var creation,
                done: made => made.Token is { } token ? change with { Target = TokenFingerprint.Of(token.Token) } : change))
        {
            _known.Remove(connection); // the outcome may be unknown: list afresh next time
            return;
        }

        _known[connection] = creation.ListingAfter.Select(t => t.Token).ToHashSet();
        if (creation.Token is { } created)
        {
            Seam.WriteObject(ToAuthToken(created, connection));
            return;
        }

        var listing = $"Get-AuthToken -UserId {UserId} -Context {string.Join(",", names)}";
        Seam.WriteWarning(creation.Candidates == 0
            ? $"The service accepted the new token for user {UserId} but does not list it yet, so it cannot be shown. Run '{listing}' to find it."
            : $"The service accepted the new token for user {UserId}, but {creation.Candidates} new tokens with the same contexts appeared at the same time (another client created some), so TokenAdmin cannot tell which is yours. Run '{listing}' to see them.");
    }
}
