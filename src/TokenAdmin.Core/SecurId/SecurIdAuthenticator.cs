using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.SecurId;

/// <summary>Authorization: Bearer &lt;JWT&gt;, fresh enough on every attempt (retries after a long wait included).</summary>
public sealed class SecurIdAuthenticator : IRequestAuthenticator
{
    public SecurIdAuthenticator(SecurIdJwtIssuer issuer) => Issuer = issuer;

    public SecurIdJwtIssuer Issuer { get; }

    public string Scheme => "JWT (RS256)";

    public ValueTask AuthenticateAsync(OutgoingRequest request, CancellationToken cancellationToken)
    {
        var jwt = Issuer.Current();
        request.Headers["Authorization"] = $"Bearer {jwt}";
        request.SensitiveValues.Add(jwt);
        foreach (var segment in jwt.Split('.'))
        {
            request.SensitiveValues.Add(segment); // the signature alone is a secret too
        }

        return ValueTask.CompletedTask;
    }
}
