using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TokenAdmin.Core.Text;

namespace TokenAdmin.Offboarding;

/// <summary>
/// Reads a leavers CSV for Revoke-TokenAdminUserAccess -Path (RFC 4180: ',' between cells, '"' around
/// a cell that holds one, '""' for a quote, line breaks inside quotes). Unlike Import-Csv, which drops
/// the cells beyond the header without a word, a line with more or fewer cells than the header is a
/// refused row: a comma too many shifts a serial into the login column.
/// </summary>
public static class OffboardingCsv
{
    /// <exception cref="TokenAdminException">The file cannot be read, or its header is not one of leavers.</exception>
    public static IReadOnlyList<OffboardingRow> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8); // a BOM of another encoding is honoured
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new TokenAdminException($"Could not read the leavers file '{EchoedText.Of(path)}': {ex.Message}", OffboardingErrors.InvalidRow);
        }

        return Parse(text, Path.GetFileName(path));
    }

    /// <summary>The rows of <paramref name="text"/>; <paramref name="fileName"/> names them in errors ("line 4 of leavers.csv").</summary>
    public static IReadOnlyList<OffboardingRow> Parse(string text, string fileName)
    {
        var records = Records(text).Where(r => !(r.Cells.Count == 1 && string.IsNullOrWhiteSpace(r.Cells[0]))).ToList(); // blank lines
        if (records.Count == 0)
        {
            throw new TokenAdminException($"The leavers file {fileName} is empty: it needs a header line ({string.Join(",", OffboardingRow.Columns)}) and one line per person.",
                OffboardingErrors.InvalidRow);
        }

        var header = records[0].Cells.Select(c => c.Trim()).ToList();
        var repeated = header.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0 || header.Any(string.IsNullOrEmpty))
        {
            throw new TokenAdminException(
                $"The header of {fileName} ({EchoedText.Of(string.Join(",", header))}) {(repeated.Count > 0 ? $"names {string.Join(", ", repeated)} twice" : "has an empty column name")}: TokenAdmin cannot tell which cell is meant.",
                OffboardingErrors.InvalidRow);
        }

        int Column(string name) => header.FindIndex(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        var name = Column(OffboardingRow.NameColumn);
        var hdc = Column(OffboardingRow.HdcUserIdColumn);
        var serials = Column(OffboardingRow.SerialNumberColumn);
        var securIdUser = Column(OffboardingRow.SecurIdUserIdColumn);
        var logins = Column(OffboardingRow.ApstrataLoginColumn);

        var rows = new List<OffboardingRow>();
        foreach (var record in records.Skip(1))
        {
            var location = $"line {record.Line} of {fileName}";
            string? Cell(int index) => index >= 0 && index < record.Cells.Count ? record.Cells[index] : null;
            if (record.Cells.Count != header.Count)
            {
                var shown = string.IsNullOrWhiteSpace(Cell(name)) ? location : Cell(name)!.Trim();
                rows.Add(OffboardingRow.Refused(shown, location,
                    $"it has {record.Cells.Count} cells and the header {header.Count}, so its cells may not be under the columns they were meant for"));
                continue;
            }

            rows.Add(OffboardingRow.Create(Cell(name), Cell(hdc), new object?[] { Cell(serials) }, Cell(securIdUser), new object?[] { Cell(logins) }, header, location));
        }

        return rows;
    }

    private sealed record Record(int Line, List<string> Cells);

    /// <summary>RFC 4180 records, each with the line it starts on.</summary>
    private static IEnumerable<Record> Records(string text)
    {
        var line = 1;
        var start = 1;
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.ToString().Trim().Length == 0:
                    cell.Clear();
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    yield return new Record(start, cells);
                    cells = new List<string>();
                    line++;
                    start = line;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            yield return new Record(start, cells);
        }
    }
}
