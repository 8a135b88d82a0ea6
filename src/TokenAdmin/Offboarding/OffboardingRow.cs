using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Core.Text;

namespace TokenAdmin.Offboarding;

/// <summary>
/// One person's row for Revoke-TokenAdminUserAccess, read and checked before anything is sent. A row
/// with any problem is refused whole: nothing of that person is sent, since a typo in one cell (a
/// serial with a space inside, a misspelled column) says the row is not what its author meant.
/// </summary>
public sealed class OffboardingRow
{
    public const string NameColumn = "Name";
    public const string HdcUserIdColumn = "HdcUserId";
    public const string SerialNumberColumn = "SecurIdSerialNumber";
    public const string SecurIdUserIdColumn = "SecurIdUserId";
    public const string ApstrataLoginColumn = "ApstrataLogin";

    /// <summary>The one separator of several values in a cell. Not ',' (a CSV's own), not whitespace (inside values).</summary>
    public const char ListSeparator = ';';

    /// <summary>Every column a row may have; any other is refused (it would bind to nothing and be ignored).</summary>
    public static IReadOnlyList<string> Columns { get; } = new[] { NameColumn, HdcUserIdColumn, SerialNumberColumn, SecurIdUserIdColumn, ApstrataLoginColumn };

    /// <summary>The columns that name something to revoke; a row needs at least one of them.</summary>
    private static readonly string[] ServiceColumns = { HdcUserIdColumn, SerialNumberColumn, ApstrataLoginColumn };

    private OffboardingRow(string name, string? location, long? hdcUserId, IReadOnlyList<string> serialNumbers, string? securIdUserId,
        IReadOnlyList<string> apstrataLogins, IReadOnlyList<string> problems)
    {
        Name = name;
        Location = location;
        HdcUserId = hdcUserId;
        SerialNumbers = serialNumbers;
        SecurIdUserId = securIdUserId;
        ApstrataLogins = apstrataLogins;
        Problems = problems;
    }

    /// <summary>The person, as the summary names them ("line 4" when the row has no name).</summary>
    public string Name { get; }

    /// <summary>Where the row came from ("line 4 of leavers.csv"), or null for pipeline and parameter input.</summary>
    public string? Location { get; }

    public long? HdcUserId { get; }

    public IReadOnlyList<string> SerialNumbers { get; }

    /// <summary>The SecurID user the row's serials must be assigned to, when the row says.</summary>
    public string? SecurIdUserId { get; }

    public IReadOnlyList<string> ApstrataLogins { get; }

    /// <summary>Why the row is refused; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems { get; }

    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// Reads one row. <paramref name="columns"/> are the columns it came with (a CSV header, a piped
    /// object's properties, the parameters given): any unknown one, or none of the service columns,
    /// refuses the row.
    /// </summary>
    public static OffboardingRow Create(string? name, string? hdcUserId, object?[]? serialNumbers, string? securIdUserId, object?[]? apstrataLogins,
        IEnumerable<string> columns, string? location = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        location = string.IsNullOrEmpty(location) ? null : location; // PowerShell passes $null as ""
        var problems = new List<string>();
        var given = columns.ToList();
        var unknown = given.Where(c => !Columns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"the column{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Select(c => $"'{EchoedText.Of(c)}'"))} " +
                $"{(unknown.Count == 1 ? "is" : "are")} not one TokenAdmin reads, so {(unknown.Count == 1 ? "it" : "they")} would be ignored " +
                $"(the columns are {string.Join(", ", Columns)}; fix the header, or drop other columns with Select-Object)");
        }
        else if (!given.Any(c => ServiceColumns.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add($"it has none of the columns {string.Join(", ", ServiceColumns)}, so it names nothing to revoke");
        }

        var person = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (person is null)
        {
            problems.Add("its Name is empty");
        }

        var userId = ReadHdcUserId(hdcUserId, problems);
        var serials = ReadList(serialNumbers, SerialNumberColumn, problems, CheckSerialNumber);
        var securIdUser = ReadSingle(securIdUserId, SecurIdUserIdColumn, problems);
        var logins = ReadList(apstrataLogins, ApstrataLoginColumn, problems, CheckLogin);
        return new OffboardingRow(person ?? location ?? "(no name)", location, userId, serials, securIdUser, logins, problems);
    }

    /// <summary>A row refused as a whole before its cells could be read (a CSV line with more or fewer cells than the header).</summary>
    internal static OffboardingRow Refused(string name, string location, string problem) =>
        new(name, location, null, Array.Empty<string>(), null, Array.Empty<string>(), new[] { problem });

    /// <summary>"line 4 of leavers.csv: ...; ...": what is wrong, for the row's error.</summary>
    public string DescribeProblems() =>
        $"The row of {Name}{(Location is null ? "" : $" ({Location})")} is refused and nothing of it was sent: {string.Join("; ", Problems)}.";

    private static long? ReadHdcUserId(string? cell, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        var text = cell.Trim(' ');
        if (text.All(char.IsAsciiDigit) && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        problems.Add($"{HdcUserIdColumn} '{EchoedText.Of(cell)}' is not an HDC user id (a positive whole number)");
        return null;
    }

    private static string? ReadSingle(string? cell, string column, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        var text = cell.Trim(' ');
        if (text.Any(char.IsControl) || text.Contains(ListSeparator, StringComparison.Ordinal))
        {
            problems.Add($"{column} '{EchoedText.Of(cell)}' is not one user (it holds a line break, a control character or a ';')");
            return null;
        }

        return text;
    }

    /// <summary>
    /// Values of a list column: each cell split on ';' only, each element trimmed. An empty element
    /// (";;", a trailing ';') or one with whitespace, a ',' or a control character inside is a problem:
    /// "000300 000002" might be one serial typed with digit grouping or two serials, and guessing
    /// once deleted two other people's tokens.
    /// </summary>
    private static IReadOnlyList<string> ReadList(object?[]? cells, string column, List<string> problems, Func<string, string?> check)
    {
        var values = new List<string>();
        foreach (var cell in cells ?? Array.Empty<object?>())
        {
            var text = cell is PSObject wrapped ? wrapped.BaseObject?.ToString() : cell?.ToString();
            if (string.IsNullOrWhiteSpace(text))
            {
                continue; // an empty cell: nothing on that service
            }

            foreach (var part in text.Split(ListSeparator))
            {
                // Spaces around an element go ("a; b"); a line break, tab or NUL anywhere refuses it.
                var element = part.Trim(' ');
                var problem = element.Length == 0 ? "has an empty element (';;' or a ';' at either end)"
                    : element.Any(char.IsControl) ? $"has '{EchoedText.Of(element)}', with a line break or control character in it"
                    : element.Any(char.IsWhiteSpace) ? $"has '{EchoedText.Of(element)}', with a space inside: values are separated by ';' only, and TokenAdmin does not guess whether it is one value or several"
                    : element.Contains(',', StringComparison.Ordinal) ? $"has '{EchoedText.Of(element)}': ',' does not separate values, ';' does"
                    : check(element);
                if (problem is not null)
                {
                    problems.Add($"{column} {problem}");
                }
                else if (!values.Contains(element, StringComparer.Ordinal))
                {
                    values.Add(element);
                }
            }
        }

        return values;
    }

    private static string? CheckSerialNumber(string serial) =>
        serial.Length <= Core.SecurId.SecurIdProtocol.MaxSerialNumberLength
            ? null
            : $"has '{EchoedText.Of(serial)}', longer than the {Core.SecurId.SecurIdProtocol.MaxSerialNumberLength} characters of a serial number";

    private static string? CheckLogin(string login) =>
        Core.Apstrata.ApstrataProtocol.LoginProblem(login) is { } problem ? $"has '{EchoedText.Of(login)}': {problem}" : null;
}
