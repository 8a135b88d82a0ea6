#if POWERSHELL_SDK
using System;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using TokenAdmin.Emulator;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Runspace;

/// <summary>
/// The staged module in a real in-process PowerShell (Microsoft.PowerShell.SDK): compiled only with
/// <c>dotnet test -p:UsePowerShellSdk=true</c> on a machine whose NuGet feed has the SDK.
/// </summary>
public sealed class RunspaceTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;
    private System.Management.Automation.PowerShell _shell = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync();
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(Path.Combine(Repository.StagedModule, "TokenAdmin.psd1"));
        _shell = System.Management.Automation.PowerShell.Create(state);
        Invoke("""
            param($BaseUri, $User, $Password)
            $credential = [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
            Connect-AuthTokenService -BaseUri $BaseUri -Credential $credential
            """, _emulator.HdcBaseUri, DemoCredentials.HdcAdminUserName, DemoCredentials.HdcAdminPassword);
    }

    public async Task DisposeAsync()
    {
        _shell.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public void Lists_typed_tokens_that_resolve_as_a_type_literal()
    {
        var tokens = Invoke("Get-AuthToken");
        Assert.Equal(4, tokens.Count);
        Assert.All(tokens, t => Assert.Contains("TokenAdmin.AuthToken", t.TypeNames));
        Assert.Equal(true, Invoke("(Get-AuthToken)[0] -is [TokenAdmin.AuthToken]").Single().BaseObject);
    }

    [Fact]
    public void Pipes_by_property_name_and_honours_WhatIf()
    {
        Invoke("Get-AuthToken -UserId 5 | Remove-AuthToken -WhatIf");
        Assert.Equal(4, _emulator.Hdc.Tokens.Count);

        Invoke("Get-AuthToken -UserId 5 | Remove-AuthToken -Confirm:$false");
        Assert.DoesNotContain(_emulator.Hdc.Tokens, t => t.UserId == 5);
    }

    [Fact]
    public void Errors_carry_stable_ids_and_the_pipeline_goes_on()
    {
        var token = _emulator.Hdc.Tokens[0].Token;
        Invoke("param($t) 'ffffffffffffffffffffffffffffffffffffffff', $t | Remove-AuthToken -Confirm:$false -ErrorAction SilentlyContinue", token);

        var error = Assert.Single(_shell.Streams.Error);
        Assert.StartsWith("AuthTokenNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Null(_emulator.Hdc.FindToken(token));
    }

    [Fact]
    public void Default_views_never_show_a_token_value()
    {
        var text = string.Join("\n", Invoke("Get-AuthToken | Format-Table | Out-String; Get-AuthToken | Format-List | Out-String; Get-AuthToken -Verbose -Debug 4>&1 5>&1 | Out-String")
            .Select(o => o.ToString()));
        Assert.All(_emulator.Hdc.Tokens, t => Assert.DoesNotContain(t.Token, text));
        Assert.DoesNotContain(DemoCredentials.HdcAdminPassword, text);
    }

    [Fact]
    public void Help_has_examples_for_every_command()
    {
        foreach (var command in Invoke("(Get-Command -Module TokenAdmin).Name").Select(o => (string)o.BaseObject))
        {
            Assert.NotEmpty(Invoke("param($c) (Get-Help $c -Examples).examples.example", command));
        }
    }

    private Collection<PSObject> Invoke(string script, params object[] arguments)
    {
        _shell.Commands.Clear();
        _shell.Streams.ClearStreams();
        _shell.AddScript(script);
        foreach (var argument in arguments)
        {
            _shell.AddArgument(argument);
        }

        return _shell.Invoke();
    }
}
#endif
