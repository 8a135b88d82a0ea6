using System.Linq;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Listing;

/// <summary>
/// Get-AuthToken writes each token as it is parsed: against a listing whose body never ends, the
/// tokens already sent reach the pipeline, and Select-Object -First ends the command (a buffering
/// Get-AuthToken would wait for the end of the body, which never comes).
/// </summary>
public sealed class StreamedListingTests : EngineTest
{
    private const string Listing = """{"list":[{"userId":5,"userFullName":"Grace Hopper","token":"first-token-value-000000000000","context":[{"name":"ReadDocuments","code":2}]},{"userId":42,"token":"second-token-value-00000000000","context":[{"name":"ReadDocuments","code":2}]},{"userId":7""";

    [Fact]
    public void The_first_tokens_of_a_listing_still_arriving_reach_the_pipeline_and_First_ends_it()
    {
        ConnectHdc();
        Emulator.Faults.Enqueue("hdc.tokens.list", FaultStep.Status(200, body: Listing, contentType: "application/json").ThenHang());

        var result = Shell.Run("Get-AuthToken | Select-Object -First 2");

        Assert.Empty(result.Errors);
        Assert.Equal(new long[] { 5, 42 }, result.Output.Select(o => (long)o.Properties["UserId"].Value));
    }

    [Fact]
    public void Piped_filters_share_one_listing_and_each_matching_token_is_written_once_in_the_service_order()
    {
        ConnectHdc();
        Emulator.Requests.Clear();

        var result = Shell.Run("@([pscustomobject]@{ UserId = 42 }, [pscustomobject]@{ UserId = 5 }, [pscustomobject]@{ Context = 'Read*' }) | Get-AuthToken");

        Assert.Empty(result.Errors);
        var listed = Emulator.Hdc.Tokens.Where(t => t.UserId is 5 or 42).Select(t => t.Token);
        Assert.Equal(listed, result.Output.Select(o => (string)o.Properties["Token"].Value));
        Assert.Equal(1, Emulator.Requests.Count("hdc.tokens.list"));
    }
}
