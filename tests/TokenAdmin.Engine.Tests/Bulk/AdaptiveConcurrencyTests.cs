using System.Linq;
using System.Text.RegularExpressions;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Bulk;

/// <summary>
/// Without -ThrottleLimit a bulk run adapts to the service: against the emulator's concurrency
/// quota it settles near the quota and fails no item; without one it reaches the ceiling. The
/// run says in -Verbose how its concurrency went.
/// </summary>
public sealed class AdaptiveConcurrencyTests : EngineTest
{
    private const string DeleteRoute = "hdc.tokens.delete";

    [Fact]
    public void Against_a_concurrency_quota_the_run_fails_no_item_and_ends_near_the_quota()
    {
        ConnectHdc();
        AddTokens(300);
        Emulator.Faults.SetLatency(DeleteRoute, System.TimeSpan.FromMilliseconds(10));
        Emulator.Faults.SetConcurrencyLimit(DeleteRoute, 6, retryAfter: "1");

        var result = Shell.Run("Get-AuthToken | Remove-AuthToken -Confirm:$false -Verbose");

        Assert.Empty(result.Errors);
        Assert.Empty(Emulator.Hdc.Tokens);
        var (highest, ending) = Summary(result);
        Assert.InRange(ending, 1, 8);
        Assert.InRange(highest, 6, 16);
        var refused = Emulator.Requests.Entries.Count(e => e.Fault == "concurrency-limit");
        Assert.InRange(refused, 1, 300 / 4);
    }

    [Fact]
    public void Without_a_quota_the_run_reaches_the_ceiling_of_16()
    {
        ConnectHdc();
        AddTokens(300);
        Emulator.Faults.SetLatency(DeleteRoute, System.TimeSpan.FromMilliseconds(10));

        var result = Shell.Run("Get-AuthToken | Remove-AuthToken -Confirm:$false -Verbose");

        Assert.Empty(result.Errors);
        Assert.Equal(16, Summary(result).Highest);
    }

    private void AddTokens(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Emulator.Hdc.AddToken(5, "ReadDocuments");
        }
    }

    private static (int Highest, int Ending) Summary(ShellResult result)
    {
        var line = Assert.Single(result.Verbose, v => v.Message.Contains("requests in flight adapted", System.StringComparison.Ordinal)).Message;
        var match = Regex.Match(line, @"between (\d+) and (\d+), ending at (\d+) \(ceiling 16");
        Assert.True(match.Success, line);
        return (int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
