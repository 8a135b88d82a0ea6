using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TokenAdmin.Emulator;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Faults;

/// <summary>
/// Secrets and values as careless scripts pass them, in the real engine: a key read from a file with its
/// line break, one with a break inside, a cut-short TOTP seed, an id ending in a line feed, a blank login in a
/// batch, a number where text belongs, a domain-qualified user name. Each is trimmed, refused alone with a
/// clear error, or sent exactly as typed — and a secret is never quoted back.
/// </summary>
public sealed class CarelessSecretsTests : EngineTest
{
    private const string ReadSecretFile = "$secret = Get-Content -Raw -LiteralPath $args[0] | ConvertTo-SecureString -AsPlainText -Force";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Shell.SetVariable("PowerClerkUri", Emulator.PowerClerkBaseUri);
        Shell.SetVariable("ApstrataUri", Emulator.ApstrataBaseUri);
    }

    /// <summary>How each service takes a secret that goes into a header, and one request that proves it works.</summary>
    private static string ConnectWith(string service) => service switch
    {
        "PowerClerk" => """
            $credential = [pscredential]::new($args[1], (ConvertTo-SecureString $args[2] -AsPlainText -Force))
            Connect-PowerClerk -BaseUri $PowerClerkUri -Credential $credential -ApiKey $secret -TotpSecret (ConvertTo-SecureString $args[3] -AsPlainText -Force)
            """,
        "HDC" => "Connect-AuthTokenService -BaseUri $HdcUri -AccessToken $secret",
        "apstrata" => "Connect-Apstrata -AuthKey $args[1] -BaseUri $ApstrataUri -User $args[2] -Token $secret",
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    private const string UseConnection = """
        switch ($service) {
            'PowerClerk' { $null = New-MfaSessionToken -Confirm:$false }
            'HDC' { $null = Get-AuthToken -UserId 1 }
            'apstrata' { $null = New-ApstrataToken -Renew }
        }
        """;

    private (string Secret, object[] Arguments) ServiceSecret(string service) => service switch
    {
        "PowerClerk" => (PowerClerkDemo.ApiKey, new object[] { PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword, PowerClerkDemo.MfaTotpSecret }),
        "HDC" => (DemoCredentials.HdcAdminAccessToken, Array.Empty<object>()),
        "apstrata" => (Emulator.Apstrata.Generate(ApstrataDemo.UserLogin, TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)).Value, new object[] { ApstrataDemo.AuthKey, ApstrataDemo.UserLogin }),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    private string SecretFile(string content)
    {
        var path = Path.Combine(Scratch, "secret.txt");
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("PowerClerk", "\n")]
    [InlineData("PowerClerk", "\r\n")]
    [InlineData("HDC", "\n")]
    [InlineData("HDC", "\r\n")]
    [InlineData("apstrata", "\n")]
    [InlineData("apstrata", " \r\n")]
    public void A_header_secret_read_with_Get_Content_Raw_is_trimmed_of_its_line_break_and_works(string service, string ending)
    {
        var (secret, arguments) = ServiceSecret(service);
        Shell.SetVariable("service", service);

        var result = Shell.Run($"{ReadSecretFile}\n{ConnectWith(service)}\n{UseConnection}", arguments.Prepend(SecretFile(secret + ending)).ToArray());

        Assert.Empty(result.Errors);
        Assert.Null(result.Terminating);
        Assert.NotEmpty(Emulator.Requests.Entries);
        Assert.All(Emulator.Requests.Entries, e => Assert.InRange(e.StatusCode ?? 0, 200, 299));
        AssertNoSecret(result.AllText() + string.Join("\n", Shell.Host.Lines), new[] { secret });
    }

    [Theory]
    [InlineData("PowerClerk", "{0}\n{0}")]
    [InlineData("PowerClerk", "{0} {0}")]
    [InlineData("PowerClerk", "\n\n")]
    [InlineData("HDC", "{0}\r\n{0}")]
    [InlineData("HDC", "{0}\u0000")]
    [InlineData("HDC", "{0}é")]
    [InlineData("apstrata", "{0}\t{0}")]
    [InlineData("apstrata", "   ")]
    public void A_header_secret_with_a_break_a_space_or_a_control_character_inside_is_refused_at_Connect_and_never_quoted(string service, string form)
    {
        var (secret, arguments) = ServiceSecret(service);
        Shell.SetVariable("service", service);

        var result = Shell.Run($"{ReadSecretFile}\n{ConnectWith(service)}\n{UseConnection}", arguments.Prepend(SecretFile(string.Format(form, secret))).ToArray());

        Assert.Equal("InvalidCredential", result.FirstError?.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("it is not shown here", result.FirstError!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid character", result.AllText(), StringComparison.Ordinal); // no .NET header message
        Assert.Empty(Emulator.Requests.Entries);
        AssertNoSecret(result.AllText() + string.Join("\n", Shell.Host.Lines), new[] { secret });
    }

    [Fact]
    public void An_empty_apstrata_token_or_owner_secret_is_refused_at_Connect()
    {
        var token = Shell.Run("Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -User $args[1] -Token ([securestring]::new())", ApstrataDemo.AuthKey, ApstrataDemo.UserLogin);
        var owner = Shell.Run("Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Secret ([securestring]::new())", ApstrataDemo.AuthKey);

        Assert.Equal("InvalidCredential,TokenAdmin.Apstrata.ConnectApstrataCommand", token.FirstError?.FullyQualifiedErrorId);
        Assert.Equal("InvalidCredential,TokenAdmin.Apstrata.ConnectApstrataCommand", owner.FirstError?.FullyQualifiedErrorId);
        Assert.Empty(Shell.RunClean("Get-TokenAdminConnection -Service Apstrata").Output);
        Assert.Empty(Emulator.Requests.Entries);
    }

    [Theory]
    [InlineData("AB", "refused")]
    [InlineData("JBSWY3DPEHPK3PX", "refused")] // 75 bits: a seed cut short by one character
    [InlineData("JBSWY3DPEHPK3PXP", "warned")] // 80 bits
    [InlineData("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "accepted")] // 160 bits, as apps issue them
    public void A_TOTP_seed_below_80_bits_is_refused_and_one_below_128_is_warned_about(string seed, string expected)
    {
        var result = Shell.Run("""
            $credential = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))
            Connect-PowerClerk -BaseUri $PowerClerkUri -Credential $credential -ApiKey (ConvertTo-SecureString $args[2] -AsPlainText -Force) -TotpSecret (ConvertTo-SecureString $args[3] -AsPlainText -Force)
            """, PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey, seed);

        switch (expected)
        {
            case "refused":
                Assert.Equal("InvalidCredential,TokenAdmin.PowerClerk.ConnectPowerClerkCommand", result.FirstError?.FullyQualifiedErrorId);
                Assert.Contains("cut short", result.FirstError!.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(seed, result.AllText(), StringComparison.Ordinal);
                break;
            case "warned":
                Assert.Empty(result.Errors);
                Assert.Contains(result.Warnings, w => w.Message.Contains("80 bits long, shorter than the 128 bits RFC 4226", StringComparison.Ordinal));
                break;
            default:
                Assert.Empty(result.Errors);
                Assert.Empty(result.Warnings);
                break;
        }
    }

    [Theory]
    [InlineData("\"RXKVCEZTR0GN`n\"")]
    [InlineData("\"RXKVCEZTR0GN`r`n\"")]
    [InlineData("\"RXKVCEZTR0GN \"")]
    [InlineData("\"RXKV/../CEZTR0GN\"")]
    public void An_MST_id_ending_in_a_line_feed_is_refused_before_sending(string tokenId)
    {
        ConnectPowerClerk();
        var result = Shell.Run($"Remove-MfaSessionToken -TokenId {tokenId} -Confirm:$false");

        Assert.Equal("InvalidArgument,TokenAdmin.PowerClerk.RemoveMfaSessionTokenCommand", result.FirstError?.FullyQualifiedErrorId);
        Assert.DoesNotContain(Emulator.Requests.Entries, e => e.Method == "DELETE");
    }

    [Fact]
    public void One_blank_login_in_an_owner_batch_is_refused_alone_and_the_rest_are_sent()
    {
        var tooLong = new string('x', 1000);
        Shell.SetVariable("tooLong", tooLong);
        var result = Shell.Run("""
            Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Secret (ConvertTo-SecureString $args[1] -AsPlainText -Force)
            'amy', ' ', 'bob', "cy`n", ' dee', $tooLong | Remove-ApstrataToken -Confirm:$false -PassThru
            """, ApstrataDemo.AuthKey, ApstrataDemo.OwnerSecret);

        Assert.Equal(new[] { " ", " dee", "cy\n", tooLong }, result.Errors.Select(e => (string)e.TargetObject).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal("InvalidArgument,TokenAdmin.Apstrata.RemoveApstrataTokenCommand", e.FullyQualifiedErrorId));
        Assert.All(result.Errors, e => Assert.Contains("nothing was sent for it", e.ToString(), StringComparison.Ordinal));
        Assert.Equal(2, result.Output.Count);
        var sent = Assert.Single(Emulator.Requests.Entries, e => e.RouteName == ApstrataRouteNames.DeleteToken);
        Assert.Contains("userList=amy", sent.Body, StringComparison.Ordinal);
        Assert.Contains("userList=bob", sent.Body, StringComparison.Ordinal);
        Assert.Equal(2, sent.Body!.Split('&').Count(p => p.StartsWith("userList=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Remove-AuthToken", "Token")]
    [InlineData("Remove-SecurIdHardwareToken", "SerialNumber")]
    [InlineData("Remove-MfaSessionToken", "TokenId")]
    [InlineData("Remove-ApstrataToken", "Login")]
    public void A_piped_number_under_the_item_property_is_refused_never_sent_as_its_text(string command, string property)
    {
        ConnectHdc();
        ConnectSecurId();
        ConnectPowerClerk();
        Shell.RunClean("Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Secret (ConvertTo-SecureString $args[1] -AsPlainText -Force)", ApstrataDemo.AuthKey, ApstrataDemo.OwnerSecret);
        Emulator.Requests.Clear();

        var result = Shell.Run($"[pscustomobject]@{{ {property} = 42 }}, [pscustomobject]@{{ {property} = @{{ a = 1 }} }} | {command} -Confirm:$false");

        // SecurID's serial parameter turns a number away itself (its leading zeros would be lost); the others name it.
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(command == "Remove-SecurIdHardwareToken" ? "arrived as a number, not as text" : "not text", result.Errors[0].ToString(), StringComparison.Ordinal);
        if (command != "Remove-SecurIdHardwareToken")
        {
            Assert.All(result.Errors, e => Assert.Equal("InvalidPipelineInput", e.FullyQualifiedErrorId.Split(',')[0]));
        }

        Assert.All(result.Errors, e => Assert.DoesNotContain("@{", e.ToString(), StringComparison.Ordinal)); // never named by its text form
        Assert.Empty(Emulator.Requests.Entries);
    }

    [Fact]
    public void A_domain_qualified_user_name_is_sent_and_shown_whole()
    {
        var result = Shell.Run("""
            $credential = [pscredential]::new('corp\jdoe', (ConvertTo-SecureString 'not-a-real-password' -AsPlainText -Force))
            Connect-Apstrata -AuthKey $args[0] -BaseUri $ApstrataUri -Credential $credential -MaximumRetryCount 0
            (Get-TokenAdminConnection -Service Apstrata).UserName
            New-ApstrataToken -ErrorAction SilentlyContinue
            """, ApstrataDemo.AuthKey);

        Assert.Equal(@"corp\jdoe", result.Output[0].BaseObject);
        var sent = Assert.Single(Emulator.Requests.Entries);
        Assert.Contains("apsws.user=corp%5Cjdoe", sent.Query + "&" + sent.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("apsws.user=jdoe", sent.Query + "&" + sent.Body, StringComparison.Ordinal);
    }
}
