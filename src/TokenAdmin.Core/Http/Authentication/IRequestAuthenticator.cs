using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Core.Http.Authentication;

/// <summary>
/// Adds credentials to one attempt of a request. Runs again on every retry, so time-bound
/// credentials (JWTs, signatures with a timestamp) are fresh. Whatever secret it adds must
/// also be added to <see cref="OutgoingRequest.SensitiveValues"/> so that logs and errors
/// scrub it by value.
/// </summary>
public interface IRequestAuthenticator
{
    /// <summary>Scheme name for display ("Basic", "Bearer"); never the credential.</summary>
    string Scheme { get; }

    ValueTask AuthenticateAsync(OutgoingRequest request, CancellationToken cancellationToken);
}
