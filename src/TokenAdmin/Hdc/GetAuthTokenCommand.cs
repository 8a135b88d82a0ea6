using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Text;

namespace TokenAdmin.Hdc;

/// <summary>Lists HDC authentication tokens.</summary>
/// <remarks>
/// <para>Writes an AuthToken for each token, optionally only those of some users (-UserId) or holding
/// some contexts (-Context: names with wildcards, or codes). Views show each token's Fingerprint, never
/// its value; the value is in the Token property, for pipelines.</para>
/// <para>The service has no server-side filter: the list is read once per command and filtered here, so
/// piping many user ids costs one request. The list is streamed: each token is written as soon as it is
/// parsed, so the first ones appear while the rest is still arriving, and memory holds a buffer, not the
/// list. Piped records are collected first; each matching token is then written once, in the service's
/// order.</para>
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

    /// <summary>Each record's filters, by connection: one listing per connection serves them all, in End.</summary>
    private readonly Dictionary<HdcConnection, List<TokenFilter>> _requests = new();

    private protected override void Process()
    {
        var connection = RequireConnection();
        if (!_requests.TryGetValue(connection, out var filters))
        {
            _requests[connection] = filters = new List<TokenFilter>();
        }

        filters.Add(new TokenFilter(UserId, NormalizeContexts(Context).Select(p => new WildcardMatcher(p)).ToArray()));
    }

    /// <summary>
    /// One streamed listing per connection: each token that any record's filters match is written
    /// once, as soon as it is parsed, in the service's order.
    /// </summary>
    private protected override void End()
    {
        foreach (var (connection, filters) in _requests)
        {
            var target = filters.Count == 1 ? (object?)filters[0].UserId : null;
            TryStream<HdcTokenInfo>((write, call) => connection.Client.ListTokensAsync(write, call), token =>
            {
                if (!filters.Any(filter => filter.MatchesUser(token.UserId)))
                {
                    return;
                }

                // Contexts are matched on the object: a listing with only names or only codes gets the other filled in.
                var authToken = ToAuthToken(token, connection);
                if (filters.Any(filter => filter.MatchesUser(token.UserId) && filter.MatchesContexts(authToken)))
                {
                    Seam.WriteObject(authToken);
                }
            }, target);
        }
    }

    private sealed record TokenFilter(long[]? UserId, WildcardMatcher[] Contexts)
    {
        public bool MatchesUser(long userId) => UserId is not { Length: > 0 } users || users.Contains(userId);

        public bool MatchesContexts(AuthToken token) =>
            Contexts.Length == 0 || token.Context.Zip(token.ContextCode).Any(c => Contexts.Any(p =>
                p.IsMatch(c.First) || p.IsMatch(c.Second.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
