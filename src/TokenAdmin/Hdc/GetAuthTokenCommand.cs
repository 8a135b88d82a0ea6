using System.Linq;
using System.Management.Automation;
using TokenAdmin.Core.Text;

namespace TokenAdmin.Hdc;

/// <summary>
/// Lists HDC tokens, optionally only those of some users or holding some contexts. The service
/// has no server-side filter: the list is read once per command and filtered here, so piping
/// many user ids costs one request.
/// </summary>
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
    public string[]? Context { get; set; }

    private protected override void Process()
    {
        var connection = RequireConnection();
        var tokens = Tokens(connection, UserId);
        if (tokens is null)
        {
            return;
        }

        var patterns = Normalize(Context).Select(p => new WildcardMatcher(p)).ToList();
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
