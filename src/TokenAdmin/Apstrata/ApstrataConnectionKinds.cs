using System.Management.Automation;
using TokenAdmin.Core.Apstrata;
using TokenAdmin.Runtime;

namespace TokenAdmin.Apstrata;

/// <summary>Refusals of a command used on the wrong kind of apstrata connection, before anything is sent.</summary>
internal static class ApstrataConnectionKinds
{
    public static CommandError? Require(ApstrataConnection connection, ApstrataIdentity needed, string what)
    {
        if (connection.Client.Authenticator.Identity == needed)
        {
            return null;
        }

        var how = needed switch
        {
            ApstrataIdentity.Owner => "an owner connection (Connect-Apstrata -Secret)",
            ApstrataIdentity.User => "a user connection (Connect-Apstrata -Credential)",
            _ => "a token connection (Connect-Apstrata -User -Token)",
        };
        return new CommandError(
            new TokenAdminException($"{what} needs {how}; this is {Article(connection.Identity)} {connection.Identity.ToLowerInvariant()} connection. Nothing was sent.", ApstrataErrors.ApstrataWrongConnection),
            ApstrataErrors.ApstrataWrongConnection, ErrorCategory.InvalidOperation, connection);
    }

    private static string Article(string word) => "aeiouAEIOU".Contains(word[0], System.StringComparison.Ordinal) ? "an" : "a";
}
