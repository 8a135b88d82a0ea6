using System;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Core.Http.Authentication;

/// <summary>Authorization: Basic base64(user:password), built per attempt from the SecureString.</summary>
public sealed class BasicAuthenticator : IRequestAuthenticator
{
    private readonly SecureString _password;

    public BasicAuthenticator(string userName, SecureString password)
    {
        if (string.IsNullOrEmpty(userName) || userName.Contains(':', StringComparison.Ordinal))
        {
            throw ServiceException.InvalidCredential("The user name must not be empty and must not contain ':' (HTTP Basic authentication cannot carry it).");
        }

        UserName = userName;
        _password = password.Copy();
        _password.MakeReadOnly();
    }

    public string UserName { get; }

    public string Scheme => "Basic";

    public ValueTask AuthenticateAsync(OutgoingRequest request, CancellationToken cancellationToken)
    {
        var password = SecretText.Reveal(_password);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{password}"));
        request.Headers["Authorization"] = $"Basic {encoded}";
        request.SensitiveValues.Add(password);
        request.SensitiveValues.Add(encoded);
        return ValueTask.CompletedTask;
    }
}
