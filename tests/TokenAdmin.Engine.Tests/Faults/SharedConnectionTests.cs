using System;
using System.Linq;
using System.Threading.Tasks;
using TokenAdmin.Emulator;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Faults;

/// <summary>
/// Connections are process-wide, so runspaces share them; a connection in use by a running command
/// stays open until that command ends, whatever another runspace connects or disconnects meanwhile.
/// </summary>
public sealed class SharedConnectionTests : EngineTest
{
    [Fact]
    public void Parallel_loops_that_each_connect_and_list_never_break_each_other()
    {
        var result = Shell.Run("""
            $manifest, $user, $password, $uri = $args
            1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                $credential = [pscredential]::new($using:user, (ConvertTo-SecureString $using:password -AsPlainText -Force))
                foreach ($i in 1..25) {
                    try {
                        Connect-AuthTokenService -BaseUri $using:uri -Credential $credential
                        $null = Get-AuthToken -ErrorAction Stop
                        'ok'
                    }
                    catch { $_.FullyQualifiedErrorId }
                }
            }
            """, RepositoryPaths.StagedManifest, DemoCredentials.HdcAdminUserName, DemoCredentials.HdcAdminPassword, Emulator.HdcBaseUri);

        Assert.Empty(result.Errors);
        Assert.Equal(100, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("ok", o.BaseObject));
    }

    [Fact]
    public async Task A_running_removal_finishes_on_its_connection_when_another_runspace_disconnects_and_reconnects()
    {
        ConnectHdc();
        for (var i = 0; i < 24; i++)
        {
            Emulator.Hdc.AddToken(5, "ReadDocuments");
        }

        var total = Emulator.Hdc.Tokens.Count;
        Emulator.Faults.SetLatency("hdc.tokens.delete", TimeSpan.FromMilliseconds(40));
        var running = Task.Run(() => Shell.Run("Remove-AuthToken -Token (Get-AuthToken).Token -Confirm:$false -PassThru -ThrottleLimit 2"));
        await Emulator.Requests.WaitForCompletionAsync("hdc.tokens.delete");

        using (var other = new ModuleShell())
        {
            other.RunClean("Disconnect-TokenAdmin");
            other.RunClean("""
                $credential = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))
                Connect-AuthTokenService -BaseUri $args[2] -Credential $credential
                """, DemoCredentials.HdcAdminUserName, DemoCredentials.HdcAdminPassword, Emulator.HdcBaseUri);
        }

        var result = await running;
        Assert.Empty(result.Errors);
        Assert.Null(result.Terminating);
        Assert.Equal(total, result.Output.Count);
        Assert.Empty(Emulator.Hdc.Tokens);
    }

    [Fact]
    public void A_disconnected_connection_refuses_new_commands()
    {
        ConnectHdc("-PassThru | Set-Variable held");
        var result = Shell.Run("Disconnect-TokenAdmin; Get-AuthToken -Connection $held");

        Assert.Equal("ConnectionClosed,TokenAdmin.Hdc.GetAuthTokenCommand", result.FirstError?.FullyQualifiedErrorId);
    }
}
