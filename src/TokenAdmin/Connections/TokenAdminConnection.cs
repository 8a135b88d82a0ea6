using System;
using System.Threading;
using TokenAdmin.Core.Http;

namespace TokenAdmin;

/// <summary>
/// A connection to one service: its settings and one HTTP client (one connection pool) that
/// every command using it shares. Shows where and as whom, never a secret.
/// </summary>
public abstract class TokenAdminConnection : IDisposable
{
    private readonly object _gate = new();
    private int _leases;
    private bool _closeRequested;

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

    /// <summary>False after Disconnect-TokenAdmin (or a Connect-* that replaced it); commands already using it finish with it.</summary>
    public bool IsOpen => !Volatile.Read(ref _closeRequested);

    internal ServiceHttpClient Http { get; }

    /// <summary>Who acts, for the audit log: the account, access ID or auth key; never a secret.</summary>
    internal virtual string AuditIdentity => UserName ?? $"({AuthenticationType})";

    /// <summary>Written to the pipeline (-PassThru, or carried by output objects): someone may hold it, so replacing it must not close it.</summary>
    internal bool HandedOut { get; set; }

    /// <summary>
    /// A running command holds the connection until it ends, so a Disconnect-TokenAdmin or a
    /// Connect-* in another runspace (ForEach-Object -Parallel, thread jobs) cannot pull the pool
    /// from under its requests. False when the connection is already closed.
    /// </summary>
    internal bool TryAcquire()
    {
        lock (_gate)
        {
            if (_closeRequested)
            {
                return false;
            }

            _leases++;
            return true;
        }
    }

    internal void Release()
    {
        lock (_gate)
        {
            if (--_leases == 0 && _closeRequested)
            {
                ReleaseResources();
            }
        }
    }

    /// <summary>Closes the connection: at once when no command is using it, otherwise when the last one ends.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _closeRequested = true;
            if (_leases == 0)
            {
                ReleaseResources();
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the pool (and whatever else the service keeps, such as a private key).</summary>
    private protected virtual void ReleaseResources() => Http.Dispose();

    public override string ToString() =>
        $"{Service} {BaseUri} ({(UserName is null ? AuthenticationType : $"{UserName}, {AuthenticationType}")})";
}
