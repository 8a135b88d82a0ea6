using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;

namespace TokenAdmin.Core.SecurId;

/// <summary>The Cloud Administration API's hardware-token endpoints over the shared HTTP core. One per connection.</summary>
public sealed class SecurIdClient : IDisposable
{
    private const string Json = "application/json";

    public SecurIdClient(ConnectionOptions options, SecurIdApiKey key, TimeSpan jwtLifetime, IClock? clock = null, Func<double>? random = null)
    {
        Key = key;
        var effectiveClock = clock ?? SystemClock.Instance;
        Authenticator = new SecurIdAuthenticator(new SecurIdJwtIssuer(key, jwtLifetime, effectiveClock));
        Http = new ServiceHttpClient(options, Authenticator, SecurIdProtocol.Redaction, new SecurIdErrorReader(), effectiveClock, random);
    }

    public ServiceHttpClient Http { get; }

    public SecurIdApiKey Key { get; }

    public SecurIdAuthenticator Authenticator { get; }

    /// <summary>POST lookup. Only reads, so it is marked safe to repeat when the outcome is unknown.</summary>
    public Task<SecurIdTokenInfo> LookupAsync(string serialNumber, RequestContext call) =>
        SendAsync(HttpMethod.Post, SecurIdProtocol.LookupPath, $"look up SecurID token {serialNumber}", serialNumber, idempotent: true, call, isRead: true);

    /// <summary>
    /// [doc] DELETE with a JSON body; the answer holds the deleted token's details (when the service
    /// sends them). A 404 to a retry after an attempt whose outcome is unknown means that attempt deleted it.
    /// </summary>
    public Task<SecurIdTokenInfo> DeleteAsync(string serialNumber, RequestContext call) =>
        SendAsync(HttpMethod.Delete, SecurIdProtocol.DeletePath, $"delete SecurID token {serialNumber}", serialNumber, idempotent: true, call,
            alreadyDoneStatus: 404);

    public void Dispose()
    {
        Http.Dispose();
        Key.Dispose();
    }

    /// <summary>Refused before anything is sent: empty, or longer than the service accepts.</summary>
    public static void ValidateSerialNumber(string serialNumber)
    {
        if (string.IsNullOrWhiteSpace(serialNumber) || serialNumber.Length > SecurIdProtocol.MaxSerialNumberLength)
        {
            throw new ArgumentException($"A token serial number has 1 to {SecurIdProtocol.MaxSerialNumberLength} characters; '{serialNumber}' has {serialNumber?.Length ?? 0}.", nameof(serialNumber));
        }

        if (serialNumber.Any(char.IsControl) || serialNumber.Trim().Length != serialNumber.Length)
        {
            // A line read with Get-Content -Raw, a CSV cell with a stray CR: never what is printed on a token.
            throw new ArgumentException($"The serial number '{Visible(serialNumber)}' contains a line break, a control character or surrounding spaces; a serial number is printed without them.", nameof(serialNumber));
        }
    }

    /// <summary>Control characters shown as escapes, so a message about them stays on one line.</summary>
    private static string Visible(string text) =>
        string.Concat(text.Select(c => c switch { '\r' => "\\r", '\n' => "\\n", '\t' => "\\t", _ when char.IsControl(c) => $"\\u{(int)c:x4}", _ => c.ToString() }));

    private async Task<SecurIdTokenInfo> SendAsync(HttpMethod method, string path, string operation, string serialNumber, bool idempotent,
        RequestContext call, int? alreadyDoneStatus = null, bool isRead = false)
    {
        ValidateSerialNumber(serialNumber);
        var request = new ServiceRequest(method, path, operation)
            {
                Idempotent = idempotent,
                IsRead = isRead,
                AlreadyDoneStatus = alreadyDoneStatus,
                Classify = response => SecurIdJson.Classify(response, serialNumber),
            }
            .WithBody(SecurIdJson.SerialBody(serialNumber), Json);
        request.Headers["Accept"] = Json;
        var response = await Http.SendAsync(request, call).ConfigureAwait(false);
        return response.Body as SecurIdTokenInfo // parsed once, by the classifier
            ?? new SecurIdTokenInfo(serialNumber, null, null, null, null, null, null, null, null, null, null); // already gone, or no details

    }
}
