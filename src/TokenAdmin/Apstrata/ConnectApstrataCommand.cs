using System;
using System.Management.Automation;
using System.Security;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Core.Apstrata;
using TokenAdmin.Core.Http;
using TokenAdmin.Errors;
using TokenAdmin.Items;

namespace TokenAdmin.Apstrata;

/// <summary>Connects to an apstrata account as its owner, as a user, or with a user's token.</summary>
/// <remarks>
/// <para>Owner (-Secret) and user (-Credential) requests are signed: complex (HMAC-SHA1 over the sorted
/// parameters; the owner's default) or simple (MD5; a user's default, the form every apstrata client
/// signs alike), with apsws.time in milliseconds, so this computer's clock matters. A user's key is the upper-case hex MD5 of the password; the password itself is not kept.
/// A token connection (-User, -Token) sends the token instead of a signature; the service accepts tokens
/// over HTTPS only, so a token connection to http:// is refused except to this computer.</para>
/// <para>Connecting sends nothing; the first command proves the credentials.</para>
/// </remarks>
/// <example title="The account owner">
/// <code>Connect-Apstrata -AuthKey K1A2B3 -Secret (Get-Secret ApstrataSecret)</code>
/// <para>Remove-ApstrataToken -UserLogin then deletes users' tokens in batches.</para>
/// </example>
/// <example title="A user, then a token connection from the token it makes">
/// <code>Connect-Apstrata -AuthKey K1A2B3 -Credential (Get-Credential)
/// New-ApstrataToken -ExpiresAfterSeconds 1800 | Connect-Apstrata</code>
/// <para>The token's User, Token, AuthKey and BaseUri bind by property name.</para>
/// </example>
[Cmdlet(VerbsCommunications.Connect, "Apstrata", DefaultParameterSetName = UserSet)]
[OutputType(typeof(ApstrataConnection))]
public sealed class ConnectApstrataCommand : ConnectCommand<ApstrataConnection>
{
    private const string OwnerSet = "Owner";
    private const string UserSet = "User";
    private const string TokenSet = "Token";

    /// <summary>[assume] The default base URL: the documented sandbox, over https.</summary>
    public static readonly Uri DefaultBaseUri = new("https://sandbox.apstrata.com/");

    /// <summary>The account's auth key (part of every URL).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string AuthKey { get; set; } = null!;

    /// <summary>The service's base URL. Default: https://sandbox.apstrata.com. The SDKs' form, ending in /apsdb/rest, names the same service and is accepted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public Uri BaseUri { get; set; } = DefaultBaseUri;

    /// <summary>The account secret: owner requests are signed with it.</summary>
    [Parameter(Mandatory = true, ParameterSetName = OwnerSet)]
    [ValidateNotNull]
    public SecureString Secret { get; set; } = null!;

    /// <summary>A user's login and password: user requests are signed with the password's MD5.</summary>
    [Parameter(Mandatory = true, ParameterSetName = UserSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = null!;

    /// <summary>The login a token belongs to.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TokenSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string User { get; set; } = null!;

    /// <summary>A user token (New-ApstrataToken's Token), sent instead of a signature.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TokenSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public SecureString Token { get; set; } = null!;

    /// <summary>
    /// Complex (HMAC-SHA1) or Simple (MD5) signatures. Default: Complex for the owner (-Secret), Simple for a
    /// user (-Credential). With Complex, a user's login outside A-Z a-z 0-9 . - _ (any e-mail address) is
    /// URL-encoded in the string to sign, as apstrata's docs and PHP SDK do; its Java SDK signs it
    /// unencoded, and which one the service checks is not documented.
    /// </summary>
    [Parameter(ParameterSetName = OwnerSet)]
    [Parameter(ParameterSetName = UserSet)]
    public TokenAdmin.ApstrataSignatureMode SignatureMode
    {
        get => _signatureMode ?? ((Secret is not null ? ApstrataProtocol.DefaultOwnerSigning : ApstrataProtocol.DefaultUserSigning) == ApstrataSigningMode.Simple
            ? TokenAdmin.ApstrataSignatureMode.Simple
            : TokenAdmin.ApstrataSignatureMode.Complex);
        set => _signatureMode = value;
    }

    private TokenAdmin.ApstrataSignatureMode? _signatureMode;

    /// <summary>Time source for signatures, expiry and ConnectedAt; tests pin it.</summary>
    internal IClock Clock { get; set; } = SystemClock.Instance;

    private protected override void Connect()
    {
        if (Token is not null && BaseUri.Scheme != Uri.UriSchemeHttps && !BaseUri.IsLoopback)
        {
            Terminate(ServiceException.InvalidEndpoint("apstrata accepts tokens over https:// only: a token connection to http:// is refused (to this computer it is allowed, for tests)."),
                ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument, EndpointPolicy.WithoutUserInfo(BaseUri));
        }

        var root = ApstrataProtocol.ServiceRoot(BaseUri);
        if (root.AbsolutePath.TrimEnd('/') != BaseUri.AbsolutePath.TrimEnd('/'))
        {
            Seam.WriteVerbose($"{EndpointPolicy.WithoutUserInfo(BaseUri)} is the SDKs' form of the base URL: requests go to {EndpointPolicy.WithoutUserInfo(root)}apsdb/rest/{AuthKey}/<action>.");
        }

        var options = BuildOptions(root);
        var mode = SignatureMode == TokenAdmin.ApstrataSignatureMode.Simple ? ApstrataSigningMode.Simple : ApstrataSigningMode.Complex;
        ApstrataAuthenticator authenticator;
        try
        {
            authenticator = Token is not null
                ? ApstrataAuthenticator.ForToken(options.BaseUri, AuthKey, User, Token, Clock)
                : Secret is not null
                    ? ApstrataAuthenticator.ForOwner(options.BaseUri, AuthKey, Secret, mode, Clock)
                    : ApstrataAuthenticator.ForUser(options.BaseUri, AuthKey, Seam.UserNameAsTyped(Credential) ?? string.Empty,
                        Seam.ToNetworkCredential(Credential)?.SecurePassword ?? new SecureString(), mode, Clock);
        }
        catch (ServiceException ex)
        {
            Terminate(ex, ErrorIds.InvalidCredential, ErrorCategory.InvalidArgument, null);
            return;
        }

        var connection = new ApstrataConnection(new ApstrataClient(options, authenticator, Clock), Clock.UtcNow);
        Seam.WriteVerbose($"Connected to apstrata at {connection.BaseUri} ({connection}). The service sees the credentials on the first request.");
        Publish(connection);
    }
}
