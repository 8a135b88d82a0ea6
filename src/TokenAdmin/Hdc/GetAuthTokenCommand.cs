using System.Linq;
using System.Management.Automation;
using TokenAdmin.Core.Text;

namespace TokenAdmin.Hdc;

/// <summary>Lists HDC authentication tokens.</summary>
/// <remarks>
/// <para>Writes an AuthToken for each token, optionally only those of some users (-UserId) or holding
/// some contexts (-Context: names with wildcards, or codes). Views show each token's Fingerprint, never
/// its value; the value is in the Token property, for pipelines.</para>
/// <para>The service has no server-side filter: the list is read once per command and filtered here, so
/// piping many user ids costs one request.</para>
/// </remarks>
/// <example title="List every token">
/// <code>Get-AuthToken</code>
/// <para>Shows user, contexts, fingerprint and last update of every token.</para>
/// </example>
/// <example title="One user's tokens">
/// <code>Get-AuthToken -UserId 12345</code>
/// <para>Only the tokens of user 12345.</para>
/// </example>
/// <example title="Tokens that may read documents">
/// <code>Get-AuthToken -Context Read*</code>
/// <para>Tokens holding at least one context whose name starts with Read.</para>
/// </example>
/// <example title="Users from a file">
/// <code>Import-Csv ./users.csv | Get-AuthToken</code>
/// <para>A UserId column binds by property name.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "AuthToken")]
[OutputType(typeof(AuthToken))]
public sealed class GetAuthTokenCommand : HdcCommand
{
    /// <summary>Only tokens of these users.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    public long[]? UserId { get; set; }

    /// <summary>Only tokens holding at least one of these contexts (names with wildcards, or codes).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ContextNameCompleter))]
    public string[]? Context { get; set; }

    private protected override void Process()
    {
        var connection = RequireConnection();
        var tokens = Tokens(connection, UserId);
        if (tokens is null)
        {
            return;
        }

        var patterns = NormalizeContexts(Context).Select(p => new WildcardMatcher(p)).ToList();
        foreach (var token in tokens)
        {
            if (UserId is { Length: > 0 } users && !users.Contains(token.UserId))
            {
                continue;
            }

            var authToken = ToAuthToken(token, connection);
            if (patterns.Count > 0 && !authToken.Context.Zip(authToken.ContextCode)
                    .Any(c => patterns.Any(p => p.IsMatch(c.First) || p.IsMatch(c.Second.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
            {
                continue;
            }

            Seam.WriteObject(authToken);
        }
    }
}
