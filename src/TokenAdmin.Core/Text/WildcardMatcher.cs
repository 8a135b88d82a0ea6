using System;
using System.Text;
using System.Text.RegularExpressions;

namespace TokenAdmin.Core.Text;

/// <summary>
/// PowerShell-style wildcards (* ? [abc] [a-z], ` escapes), case-insensitive, implemented here
/// because the core does not depend on System.Management.Automation.
/// </summary>
public sealed class WildcardMatcher
{
    private readonly Regex _regex;

    public WildcardMatcher(string pattern)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        _regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public string Pattern { get; }

    public static bool ContainsWildcards(string text) => text.AsSpan().IndexOfAny("*?[") >= 0;

    public bool IsMatch(string? value) => value is not null && _regex.IsMatch(value);

    private static string ToRegex(string pattern)
    {
        var builder = new StringBuilder(@"\A");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '`' when i + 1 < pattern.Length:
                    builder.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*':
                    builder.Append(".*");
                    break;
                case '?':
                    builder.Append('.');
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        builder.Append(@"\[");
                        break;
                    }

                    var set = pattern.Substring(i + 1, close - i - 1).Replace(@"\", @"\\", StringComparison.Ordinal);
                    builder.Append('[').Append(set.StartsWith('^') ? @"\" + set : set).Append(']');
                    i = close;
                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return builder.Append(@"\z").ToString(); // not "$", which also matches before a final line feed
    }
}
