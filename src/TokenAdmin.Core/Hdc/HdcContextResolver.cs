using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TokenAdmin.Core.Hdc;

/// <summary>
/// Turns what a user typed (context names in any case, or numeric codes) into the service's
/// exact context names, which is what create and update send. [assume] The service compares names
/// case-sensitively (a Java backend), so the service's own spelling is what goes out.
/// </summary>
public static class HdcContextResolver
{
    public sealed record Resolution(IReadOnlyList<string> Names, IReadOnlyList<string> Unknown);

    public static Resolution Resolve(IReadOnlyList<HdcContext> available, IEnumerable<string> requested)
    {
        var names = new List<string>();
        var unknown = new List<string>();
        foreach (var raw in requested)
        {
            var wanted = raw?.Trim() ?? string.Empty;
            var match = available.FirstOrDefault(c => string.Equals(c.Name, wanted, StringComparison.Ordinal))
                ?? available.FirstOrDefault(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase))
                ?? (int.TryParse(wanted, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
                    ? available.FirstOrDefault(c => c.Code == code)
                    : null);
            if (match is null)
            {
                unknown.Add(wanted);
            }
            else if (!names.Contains(match.Name, StringComparer.Ordinal))
            {
                names.Add(match.Name);
            }
        }

        return new Resolution(names, unknown);
    }

    /// <summary>"ReadDocuments (2), UploadDocuments (3)" for messages.</summary>
    public static string Describe(IEnumerable<HdcContext> contexts) =>
        string.Join(", ", contexts.OrderBy(c => c.Code).Select(c => $"{c.Name} ({c.Code})"));
}
