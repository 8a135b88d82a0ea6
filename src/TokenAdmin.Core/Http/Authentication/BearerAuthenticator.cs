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
        if (accessToken.Length == 0)
        {
            throw ServiceException.InvalidCredential("The access token is empty.");
        }

        _accessToken = accessToken.Copy();
        _accessToken.MakeReadOnly();
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
