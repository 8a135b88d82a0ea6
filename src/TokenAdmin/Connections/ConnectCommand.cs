using System;
using System.Management.Automation;
using TokenAdmin.Core.Http;
using TokenAdmin.Errors;
using TokenAdmin.Runtime;

namespace TokenAdmin.Connections;

/// <summary>Options every Connect-* shares, named as Invoke-RestMethod names them.</summary>
public abstract class ConnectCommand : TokenAdminCommand
{
    /// <summary>Seconds to wait for each response (each attempt); 0 waits indefinitely.</summary>
    /// <value>Default: 100.</value>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int TimeoutSec { get; set; } = ConnectionOptions.DefaultTimeoutSec;

    /// <summary>How often one request may be repeated after 429, 502, 503, 504 or a transport failure.</summary>
    /// <value>Default: 4.</value>
    [Parameter]
    [ValidateRange(0, 100)]
    public int MaximumRetryCount { get; set; } = ConnectionOptions.DefaultMaximumRetryCount;

    /// <summary>Sends requests through this proxy (http:// or https:// URL) instead of the system's.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    /// <summary>Credentials for -Proxy.</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Trusts any server certificate. For test servers you control only; warns.</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck
    {
        get => new(SkipCertificateCheckPresent);
        set => SkipCertificateCheckPresent = value.IsPresent;
    }

    /// <summary>The switch as the logic reads it (and tests set it: SwitchParameter is inert in the reference assemblies).</summary>
    internal bool SkipCertificateCheckPresent { get; set; }

    /// <summary>Allows http:// to a host that is not this computer (credentials then travel in clear text).</summary>
    [Parameter]
    public SwitchParameter AllowUnencryptedAuthentication
    {
        get => new(AllowUnencryptedAuthenticationPresent);
        set => AllowUnencryptedAuthenticationPresent = value.IsPresent;
    }

    /// <summary>The switch as the logic reads it (and tests set it: SwitchParameter is inert in the reference assemblies).</summary>
    internal bool AllowUnencryptedAuthenticationPresent { get; set; }

    /// <summary>Writes the connection object (for -Connection, or to hold several).</summary>
    [Parameter]
    public SwitchParameter PassThru
    {
        get => new(PassThruPresent);
        set => PassThruPresent = value.IsPresent;
    }

    /// <summary>The switch as the logic reads it (and tests set it: SwitchParameter is inert in the reference assemblies).</summary>
    internal bool PassThruPresent { get; set; }

    /// <summary>The shared options; terminates on a bad combination before anything is sent.</summary>
    private protected ConnectionOptions BuildOptions(Uri baseUri)
    {
        if (ProxyCredential is not null && Proxy is null)
        {
            Terminate(new ArgumentException("-ProxyCredential needs -Proxy."), ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, ProxyCredential);
        }

        if (Proxy is not null && (!Proxy.IsAbsoluteUri || (Proxy.Scheme != Uri.UriSchemeHttp && Proxy.Scheme != Uri.UriSchemeHttps)))
        {
            Terminate(new ArgumentException("-Proxy must be an absolute http:// or https:// URL."), ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, Proxy);
        }

        var options = new ConnectionOptions(baseUri)
        {
            TimeoutSec = TimeoutSec,
            MaximumRetryCount = MaximumRetryCount,
            Proxy = Proxy,
            ProxyCredential = Seam.ToNetworkCredential(ProxyCredential),
            SkipCertificateCheck = SkipCertificateCheckPresent,
            AllowUnencryptedAuthentication = AllowUnencryptedAuthenticationPresent,
        };

        try
        {
            EndpointPolicy.Validate(baseUri, options.AllowUnencryptedAuthentication);
        }
        catch (ServiceException ex)
        {
            Terminate(ex, ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument, baseUri);
        }

        if (options.SkipCertificateCheck)
        {
            Seam.WriteWarning($"-SkipCertificateCheck: TokenAdmin will trust any certificate presented by {baseUri.Host}, so anyone who can intercept the traffic can read the credentials. Use it only with a test server you control.");
        }

        if (baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback)
        {
            Seam.WriteWarning($"-AllowUnencryptedAuthentication: credentials for {baseUri.Host} travel unencrypted over http://.");
        }

        return options;
    }

    /// <summary>Makes the connection current and, with -PassThru, writes it.</summary>
    private protected void Publish(TokenAdminConnection connection)
    {
        connection.HandedOut = PassThruPresent;
        Connections.SetCurrent(connection);
        if (PassThruPresent)
        {
            Seam.WriteObject(connection);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private protected void Terminate(Exception exception, string errorId, ErrorCategory category, object? target) =>
        Seam.ThrowTerminatingError(new CommandError(exception, errorId, category, target));
}
