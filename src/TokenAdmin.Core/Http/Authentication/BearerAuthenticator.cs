using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Core.Http.Authentication;

/// <summary>Authorization: Bearer &lt;access token&gt;, from a SecureString.</summary>
public sealed class BearerAuthenticator : IRequestAuthenticator
{
    private readonly SecureString _accessToken;

    public BearerAuthenticator(SecureString accessToken)
    {
        // A token read with Get-Content -Raw ends with the file's line break: trimmed, as a header cannot carry it.
        _accessToken = SecretText.ForHeader(accessToken, "The access token");
    }

    public string Scheme => "Bearer";

    public ValueTask AuthenticateAsync(OutgoingRequest request, CancellationToken cancellationToken)
    {
        var token = SecretText.Reveal(_accessToken);
        request.Headers["Authorization"] = $"Bearer {token}";
        request.SensitiveValues.Add(token);
        return ValueTask.CompletedTask;
    }
}
