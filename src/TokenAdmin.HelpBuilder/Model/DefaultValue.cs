using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TokenAdmin.HelpBuilder.Model;

/// <summary>
/// A parameter's default as help states it. Property initializers are not in metadata (and the
/// tool runs nothing), so the doc comment says it: a &lt;value&gt;, or a "Default: ..." sentence.
/// </summary>
internal static partial class DefaultValue
{
    public static string? Find(string value, IReadOnlyList<string> description, bool isSwitch)
    {
        if (value.Length > 0)
        {
            return Prefix().Replace(value, string.Empty).TrimEnd('.').Trim();
        }

        foreach (var paragraph in description)
        {
            if (Sentence().Match(paragraph) is { Success: true } match)
            {
                return match.Groups["value"].Value.Trim();
            }
        }

        return isSwitch ? "False" : null; // an absent switch is off
    }

    [GeneratedRegex(@"^\s*Default:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\bDefault:\s*(?<value>.+?)(?:\.(?=\s|$)|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Sentence();
}
