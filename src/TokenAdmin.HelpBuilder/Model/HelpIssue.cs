using System.Collections.Generic;
using System.Linq;

namespace TokenAdmin.HelpBuilder.Model;

/// <summary>
/// Missing documentation. One issue per doc comment, however many cmdlets inherit it: a base
/// class's undocumented parameter is one thing to fix.
/// </summary>
/// <param name="Code">Stable, for filtering: TAH001...</param>
/// <param name="Member">Where to write the comment: "TokenAdmin.Hdc.GetAuthTokenCommand".</param>
internal sealed record HelpIssue(string Code, string Member, IReadOnlyList<string> Commands, string Problem)
{
    public const string MissingSummary = "TAH001";
    public const string MissingExample = "TAH002";
    public const string ExampleWithoutCode = "TAH003";
    public const string ExampleWithoutText = "TAH004";
    public const string MissingParameterSummary = "TAH005";

    public string Message => $"{Member} ({string.Join(", ", Commands)}): {Problem}";

    /// <summary>MSBuild's canonical form, so the build lists it as a warning or error with its code.</summary>
    public string Format(bool asError) => $"TokenAdmin.HelpBuilder : {(asError ? "error" : "warning")} {Code} : {Message}";
}

/// <summary>Collects issues, merging the same problem on the same member across cmdlets.</summary>
internal sealed class HelpIssueCollector
{
    private readonly List<(string Code, string Member, string Problem, List<string> Commands)> _issues = [];

    public void Add(string code, string docId, string command, string problem)
    {
        var member = docId[2..]; // without "T:" / "P:"
        var existing = _issues.FirstOrDefault(i => i.Code == code && i.Member == member);
        if (existing.Commands is null)
        {
            _issues.Add((code, member, problem, [command]));
        }
        else if (!existing.Commands.Contains(command))
        {
            existing.Commands.Add(command);
        }
    }

    public IReadOnlyList<HelpIssue> ToList() =>
        _issues.Select(i => new HelpIssue(i.Code, i.Member, i.Commands, i.Problem)).ToList();
}
