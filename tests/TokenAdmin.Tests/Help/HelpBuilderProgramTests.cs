using System.IO;
using System.Xml;
using TokenAdmin.HelpBuilder;
using Xunit;

namespace TokenAdmin.Tests.Help;

/// <summary>The command line as Help.targets runs it: exit codes, messages, what is written.</summary>
public sealed class HelpBuilderProgramTests(HelpFixture fixture) : IClassFixture<HelpFixture>
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string OutputPath => Path.Combine(fixture.WorkDirectory, $"{System.Guid.NewGuid():N}", "en-US", "Fixture.dll-Help.xml");

    [Fact]
    public void Without_strict_missing_docs_warn_and_the_help_is_written()
    {
        var output = OutputPath;
        Assert.Equal(Program.Success, Program.Run(fixture.Arguments(output), _output, _error));
        Assert.Contains("TokenAdmin.HelpBuilder : warning TAH002 : TokenAdmin.Tests.Help.Fixtures.SetHelpFixtureUndocumentedCommand (Set-HelpFixtureUndocumented)", _output.ToString());
        new XmlDocument().Load(output); // well-formed
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public void With_strict_missing_docs_are_errors_and_no_help_is_left_behind()
    {
        var output = OutputPath;
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, "stale");
        Assert.Equal(Program.Failed, Program.Run(fixture.Arguments(output, strict: true), _output, _error));
        Assert.Contains("TokenAdmin.HelpBuilder : error TAH001 : TokenAdmin.Tests.Help.Fixtures.SetHelpFixtureUndocumentedCommand", _error.ToString());
        Assert.Contains("help not written", _error.ToString());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Bad_arguments_print_usage()
    {
        Assert.Equal(Program.BadArguments, Program.Run(["--assembly", "x.dll"], _output, _error));
        Assert.Contains("error TAH000 : --doc is required.", _error.ToString());
        Assert.Contains("Usage:", _error.ToString());
    }

    [Fact]
    public void A_missing_input_is_a_clear_error()
    {
        var missing = Path.Combine(fixture.WorkDirectory, "Missing.dll");
        Assert.Equal(Program.Failed, Program.Run(["--assembly", missing, "--doc", fixture.DocumentationPath, "--output", OutputPath], _output, _error));
        Assert.Contains("error TAH000", _error.ToString());
        Assert.Contains("Missing.dll", _error.ToString());
    }

    [Theory]
    [InlineData("--assembly", "a.dll", "--doc", "a.xml", "--output", "o.xml", "--bogus", "1")]
    [InlineData("--assembly", "a.dll", "--doc", "a.xml", "--output")]
    [InlineData("stray")]
    public void Unknown_or_incomplete_options_are_refused(params string[] args) =>
        Assert.Null(HelpBuilderOptions.Parse(args, out _));
}
