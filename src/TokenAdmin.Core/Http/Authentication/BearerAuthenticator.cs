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
        if (accessToken.Length == 0)
        {
            throw ServiceException.InvalidCredential("The access token is empty.");
        }

        // A token read with Get-Content -Raw ends with the file's line break: trimmed, as a header cannot carry it.
        var plain = SecretText.Reveal(accessToken);
        var trimmed = plain.Trim();
        if (trimmed.Length == 0)
        {
            throw ServiceException.InvalidCredential("The access token is empty (only spaces or line breaks).");
        }

        if (trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw ServiceException.InvalidCredential("The access token contains a line break, a space or a control character inside it, which an HTTP header cannot carry. Pass the token alone.");
        }

        if (trimmed.Any(c => c > '\u007e'))
        {
            throw ServiceException.InvalidCredential("The access token contains characters outside printable ASCII, which an HTTP header cannot carry. Pass the token alone.");
        }

        _accessToken = trimmed.Length == plain.Length ? accessToken.Copy() : SecretText.Protect(trimmed);
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
