using System;
using System.Management.Automation;
using TokenAdmin.Connections;
using TokenAdmin.Core.Http;
using TokenAdmin.Errors;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Commands;

/// <summary>Options every Connect-* shares, named as Invoke-RestMethod names them.</summary>
/// <typeparam name="TConnection">The connection it makes; its descriptor names the service in messages.</typeparam>
public abstract class ConnectCommand<TConnection> : TokenAdminCommand
    where TConnection : TokenAdminConnection
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

    private static string ServiceName => ServiceDescriptor.Of<TConnection>().DisplayName;

    /// <summary>Builds, proves and publishes the connection.</summary>
    private protected abstract void Connect();

    /// <summary>
    /// No raw .NET exception leaves a Connect-*: the ones .NET raises for unusable input (a header
    /// value, a URL, a key) may quote that input, which is a credential here. Their message is
    /// therefore not shown; the type says enough to look further.
    /// </summary>
    private protected sealed override void Process()
    {
        try
        {
            Connect();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException or InvalidOperationException
            or NotSupportedException or System.Security.Cryptography.CryptographicException or System.IO.IOException
            or UnauthorizedAccessException or System.Net.Http.HttpRequestException)
        {
            Terminate(new TokenAdminException(
                    $"Could not connect to {ServiceName}: the connection could not be prepared ({ex.GetType().FullName}). Its message is not shown because it may quote a credential. Check the credential, key and URL passed.",
                    ErrorIds.ConnectFailed),
                ErrorIds.ConnectFailed, ErrorCategory.InvalidArgument, null);
        }
    }

    /// <summary>The shared options; terminates on a bad combination before anything is sent.</summary>
    private protected ConnectionOptions BuildOptions(Uri baseUri)
    {
        if (ProxyCredential is not null && Proxy is null)
        {
            Terminate(new ArgumentException("-ProxyCredential needs -Proxy."), ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, ProxyCredential);
        }

        if (Proxy is not null)
        {
            try
            {
                EndpointPolicy.ValidateProxy(Proxy);
            }
            catch (ServiceException ex)
            {
                Terminate(ex, ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument, EndpointPolicy.WithoutUserInfo(Proxy));
            }
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
            // The target is what the error shows (NormalView, Get-Error): never a password typed into the URL.
            Terminate(ex, ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument, EndpointPolicy.WithoutUserInfo(baseUri));
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
