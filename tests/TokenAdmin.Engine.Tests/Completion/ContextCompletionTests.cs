using System.IO;
using System.Linq;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Completion;

/// <summary>Tab completion of context names, through the engine's own TabExpansion2.</summary>
public sealed class ContextCompletionTests : EngineTest
{
    private string[] Complete(string line)
    {
        var result = Shell.RunClean("param($line) (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText", line);
        return result.Output.Select(o => (string)o.BaseObject).ToArray();
    }

    public override async System.Threading.Tasks.Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A file whose name starts like a context: completion must never offer it.
        File.WriteAllText(Path.Combine(Scratch, "ReadMe.txt"), "x");
        Shell.RunClean("Set-Location -LiteralPath $args[0]", Scratch);
    }

    [Theory]
    [InlineData("New-AuthToken -UserId 5 -Context Re", new[] { "ReadDocuments" })]
    [InlineData("Set-AuthToken -Token x -Context ReadDocuments, Up", new[] { "UploadDocuments" })]
    [InlineData("Get-AuthToken -Context a", new[] { "AddCommentToChangeRequest", "ApproveChangeRequest" })]
    [InlineData("Get-AuthTokenContext -Name Man", new[] { "ManageWorkOrders" })]
    [InlineData("Get-AuthTokenContext Up", new[] { "UploadDocuments" })]
    public void Offers_the_connections_context_names(string line, string[] expected)
    {
        ConnectHdc();
        Assert.Equal(expected, Complete(line));
    }

    [Fact]
    public void Reads_the_contexts_once_and_then_answers_from_the_cache()
    {
        ConnectHdc();
        Emulator.Requests.Clear();
        Complete("New-AuthToken -Context Re");
        Complete("New-AuthToken -Context Up");
        Complete("Get-AuthTokenContext A");
        Assert.Single(Emulator.Requests.Entries);
    }

    [Fact]
    public void Without_a_connection_offers_no_file_names_and_sends_nothing()
    {
        var offered = Complete("New-AuthToken -UserId 5 -Context Re");
        Assert.DoesNotContain(offered, o => o.Contains("ReadMe", System.StringComparison.Ordinal));
        Assert.Empty(Emulator.Requests.Entries);
    }
}
