using System.Linq;
using TokenAdmin.Emulator;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Streams;

/// <summary>Verbose, Debug, Progress and Warning as the engine routes them, by switch and by preference.</summary>
public sealed class StreamTests : EngineTest
{
    public override async System.Threading.Tasks.Task InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectHdc();
    }

    [Fact]
    public void Verbose_shows_each_request_and_Debug_the_bodies_without_secrets()
    {
        var result = Shell.RunClean("Get-AuthToken -UserId 5 | Remove-AuthToken -Confirm:$false -Verbose -Debug");

        Assert.Contains(result.Verbose, v => v.Message.Contains("DELETE") && v.Message.Contains("api/authtokens") && v.Message.Contains("204"));
        Assert.NotEmpty(result.Debug);
        AssertNoSecret(string.Join("\n", result.Verbose.Select(v => v.Message).Concat(result.Debug.Select(d => d.Message))));
    }

    [Fact]
    public void Nothing_is_written_to_Verbose_or_Debug_without_the_switch_and_the_preferences_turn_them_on()
    {
        var quiet = Shell.RunClean("Get-AuthToken | Out-Null");
        Assert.Empty(quiet.Verbose);
        Assert.Empty(quiet.Debug);

        var preferred = Shell.RunClean("$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; Get-AuthToken | Out-Null; $VerbosePreference = 'SilentlyContinue'; $DebugPreference = 'SilentlyContinue'");
        Assert.NotEmpty(preferred.Verbose);
        Assert.NotEmpty(preferred.Debug);

        var overridden = Shell.RunClean("$VerbosePreference = 'Continue'; Get-AuthToken -Verbose:$false | Out-Null; $VerbosePreference = 'SilentlyContinue'");
        Assert.Empty(overridden.Verbose);
    }

    [Fact]
    public void A_bulk_removal_shows_progress_and_completes_it()
    {
        for (var i = 0; i < 6; i++)
        {
            Emulator.Hdc.AddToken(5, "ReadDocuments");
        }

        var result = Shell.RunClean("Get-AuthToken | Remove-AuthToken -Confirm:$false -ThrottleLimit 2");

        Assert.Empty(Emulator.Hdc.Tokens);
        Assert.Contains(result.Progress, p => p.Activity == "Removing auth tokens" && p.StatusDescription.Contains("done"));
        Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, result.Progress[^1].RecordType);
        AssertNoSecret(string.Join("\n", result.Progress.Select(p => p.StatusDescription)));
    }

    [Fact]
    public void SkipCertificateCheck_warns_on_the_warning_stream()
    {
        var result = ConnectHdc("-SkipCertificateCheck");
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("-SkipCertificateCheck", warning.Message);

        var silenced = ConnectHdc("-SkipCertificateCheck -WarningAction SilentlyContinue");
        Assert.Empty(silenced.Warnings);
    }
}
