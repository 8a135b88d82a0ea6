using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Bulk;

/// <summary>-ThrottleLimit is honoured up to its maximum: nothing below it caps requests in flight.</summary>
public sealed class ThrottleLimitTests : EngineTest
{
    [Fact]
    public async Task Sixty_four_removals_are_in_flight_at_once_with_ThrottleLimit_64()
    {
        ConnectHdc();
        while (Emulator.Hdc.Tokens.Count < 64)
        {
            Emulator.Hdc.AddToken(5, "ReadDocuments");
        }

        // Every removal is held until the test lets go: all 64 can only arrive if all 64 are in flight together.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Emulator.Faults.Enqueue("hdc.tokens.delete", Enumerable.Range(0, 64).Select(_ => FaultStep.Pass().After(release.Task)).ToArray());
        var running = Task.Run(() => Shell.Run("Remove-AuthToken -Token (Get-AuthToken).Token -Confirm:$false -ThrottleLimit 64 -PassThru"));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Emulator.Requests.Count("hdc.tokens.delete") < 64 && DateTime.UtcNow < deadline && !running.IsCompleted)
        {
            await Task.Delay(10);
        }

        var arrivedTogether = Emulator.Requests.Count("hdc.tokens.delete");
        release.SetResult();
        var result = await running;

        Assert.Equal(64, arrivedTogether);
        Assert.Empty(result.Errors);
        Assert.Equal(64, result.Output.Count);
        Assert.Empty(Emulator.Hdc.Tokens);
    }
}
