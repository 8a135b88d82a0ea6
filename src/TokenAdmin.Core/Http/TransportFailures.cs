using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace TokenAdmin.Core.Http;

/// <summary>Sorts a failed exchange with no HTTP answer into the outcomes the retry policy knows.</summary>
internal static class TransportFailures
{
    public static ServiceHttpClient.Attempt Classify(Exception? exception, string? fallbackMessage)
    {
        var outcome = AttemptOutcome.ConnectionLost;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case ResponseTooLargeException tooLarge:
                    return new ServiceHttpClient.Attempt(AttemptOutcome.ResponseTooLarge, null, tooLarge.Message);
                case AuthenticationException:
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                    return new ServiceHttpClient.Attempt(AttemptOutcome.CertificateRejected, null, Describe(exception, fallbackMessage));
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    outcome = AttemptOutcome.NotSent;
                    break;
                case SocketException socket when NeverSent(socket.SocketErrorCode):
                    outcome = AttemptOutcome.NotSent;
                    break;
            }
        }

        return new ServiceHttpClient.Attempt(outcome, null, Describe(exception, fallbackMessage));
    }

    /// <summary>Socket errors raised while connecting: the request cannot have reached the service.</summary>
    private static bool NeverSent(SocketError error) => error is SocketError.ConnectionRefused
        or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable
        or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable;

    /// <summary>The outermost meaningful message (HttpRequestException says most); redacted by the caller.</summary>
    private static string Describe(Exception? exception, string? fallbackMessage)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or SocketException or AuthenticationException or System.IO.IOException)
            {
                return $"{current.GetType().Name}: {current.Message}";
            }
        }

        return exception is null
            ? fallbackMessage ?? "no response"
            : $"{exception.GetType().Name}: {exception.Message}";
    }
}
