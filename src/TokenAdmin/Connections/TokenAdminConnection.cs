using System;
using TokenAdmin.Core.Http;

namespace TokenAdmin;

/// <summary>
/// A connection to one service: its settings and one HTTP client (one connection pool) that
/// every command using it shares. Shows where and as whom, never a secret.
/// </summary>
public abstract class TokenAdminConnection : IDisposable
{
    private protected TokenAdminConnection(ServiceHttpClient http, string? userName, DateTimeOffset connectedAt)
    {
        Http = http;
        UserName = userName;
        ConnectedAt = connectedAt;
    }

    public abstract TokenAdminService Service { get; }

    public Uri BaseUri => Http.BaseUri;

    /// <summary>"Basic", "Bearer", ...: how requests authenticate. Never the credential.</summary>
    public string AuthenticationType => Http.AuthenticationScheme ?? "None";

    /// <summary>The account, where the credential names one.</summary>
    public string? UserName { get; }

    public DateTimeOffset ConnectedAt { get; }

    public int TimeoutSec => Http.Options.TimeoutSec;

    public int MaximumRetryCount => Http.Options.MaximumRetryCount;

    public Uri? Proxy => Http.Options.Proxy;

    public bool SkipCertificateCheck => Http.Options.SkipCertificateCheck;

    /// <summary>False after Disconnect-TokenAdmin.</summary>
    public bool IsOpen => !Http.IsDisposed;

    internal ServiceHttpClient Http { get; }

    /// <summary>Written to the pipeline (-PassThru, or carried by output objects): someone may hold it, so replacing it must not close it.</summary>
    internal bool HandedOut { get; set; }

    public void Dispose()
    {
        Http.Dispose();
        GC.SuppressFinalize(this);
    }

    public override string ToString() =>
        $"{Service} {BaseUri} ({(UserName is null ? AuthenticationType : $"{UserName}, {AuthenticationType}")})";
}
