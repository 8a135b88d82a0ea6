using System;
using System.Collections.Generic;
using System.Linq;
using TokenAdmin.Offboarding;
using Xunit;

namespace TokenAdmin.Tests.Offboarding;

/// <summary>A leaver's row is read exactly as written or refused whole: never split on a guess, never a column ignored.</summary>
public sealed class OffboardingRowTests
{
    private static readonly string[] AllColumns = OffboardingRow.Columns.ToArray();

    private static OffboardingRow Row(string? serials = null, string? logins = null, string? hdcUserId = null, string? securIdUser = null, string[]? columns = null) =>
        OffboardingRow.Create("Dana Reyes", hdcUserId, new object?[] { serials }, securIdUser, new object?[] { logins }, columns ?? AllColumns);

    [Theory]
    [InlineData("000300000001", new[] { "000300000001" })]
    [InlineData("000300000001;000300000002", new[] { "000300000001", "000300000002" })]
    [InlineData(" 000300000001 ; 000300000002 ", new[] { "000300000001", "000300000002" })]
    [InlineData("000300000001;000300000001", new[] { "000300000001" })]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    public void A_list_cell_splits_on_semicolons_only(string cell, string[] expected)
    {
        var row = Row(serials: cell);
        Assert.True(row.IsValid, string.Join("; ", row.Problems));
        Assert.Equal(expected, row.SerialNumbers);
    }

    [Theory]
    [InlineData("000300 000002", "with a space inside")]
    [InlineData("000300000001,000300000002", "',' does not separate values")]
    [InlineData("000300000001;;000300000002", "an empty element")]
    [InlineData(";000300000001", "an empty element")]
    [InlineData("000300000001;", "an empty element")]
    [InlineData("000300000001\n", "line break or control character")]
    [InlineData("0003\t00000001", "line break or control character")]
    [InlineData("0000000000000000000000000000000000001", "longer than the 36 characters")]
    public void A_serial_cell_that_is_not_a_clear_list_refuses_the_row(string cell, string problem)
    {
        var row = Row(serials: cell);
        Assert.False(row.IsValid);
        Assert.DoesNotContain(row.SerialNumbers, s => s.Contains(' ', StringComparison.Ordinal));
        Assert.Contains(problem, row.DescribeProblems(), StringComparison.Ordinal);
        Assert.StartsWith("The row of Dana Reyes is refused and nothing of it was sent: SecurIdSerialNumber ", row.DescribeProblems(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dana reyes", "with a space inside")]
    [InlineData("dreyes\0", "control character")]
    [InlineData("dreyes\r\n", "control character")]
    [InlineData("a,b", "',' does not separate")]
    public void A_login_cell_that_is_not_a_clear_list_refuses_the_row(string cell, string problem)
    {
        var row = Row(logins: cell);
        Assert.False(row.IsValid);
        Assert.Contains(problem, row.DescribeProblems(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_login_over_the_length_limit_refuses_the_row()
    {
        Assert.True(Row(logins: new string('d', 255)).IsValid);
        Assert.Contains("at most 255 characters", Row(logins: new string('d', 256)).DescribeProblems(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5001", 5001L)]
    [InlineData(" 5001 ", 5001L)]
    [InlineData("", null)]
    public void An_HDC_user_id_is_a_positive_whole_number(string cell, long? expected)
    {
        var row = Row(hdcUserId: cell);
        Assert.True(row.IsValid);
        Assert.Equal(expected, row.HdcUserId);
    }

    [Theory]
    [InlineData("50 01")]
    [InlineData("50O1")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("+5")]
    [InlineData("5001\n")]
    [InlineData("99999999999999999999")]
    public void Anything_else_in_HdcUserId_refuses_the_row(string cell) =>
        Assert.Contains("is not an HDC user id", Row(hdcUserId: cell).DescribeProblems(), StringComparison.Ordinal);

    [Fact]
    public void A_column_that_binds_to_nothing_refuses_the_row_and_is_named()
    {
        var row = Row(hdcUserId: "5001", columns: new[] { "Name", "HdcUserId", "SecurIdSerial" });
        Assert.False(row.IsValid);
        Assert.Contains("the column 'SecurIdSerial' is not one TokenAdmin reads", row.DescribeProblems(), StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_matched_without_regard_to_case_as_PowerShell_binds_them() =>
        Assert.True(Row(hdcUserId: "5001", columns: new[] { "name", "HDCUSERID" }).IsValid);

    [Fact]
    public void A_row_without_any_service_column_names_nothing_and_is_refused() =>
        Assert.Contains("it has none of the columns", Row(columns: new[] { "Name" }).DescribeProblems(), StringComparison.Ordinal);

    [Fact]
    public void An_empty_name_is_refused() =>
        Assert.Contains("its Name is empty", OffboardingRow.Create(" ", "5", null, null, null, AllColumns).DescribeProblems(), StringComparison.Ordinal);

    [Fact]
    public void A_SecurID_user_with_a_line_break_or_a_list_is_refused()
    {
        Assert.False(Row(hdcUserId: "5", securIdUser: "dreyes\n").IsValid);
        Assert.False(Row(hdcUserId: "5", securIdUser: "dreyes;asmith").IsValid);
        Assert.Equal("dreyes", Row(hdcUserId: "5", securIdUser: " dreyes ").SecurIdUserId);
    }
}

public sealed class OffboardingCsvTests
{
    [Fact]
    public void Reads_quoted_cells_with_commas_quotes_and_line_breaks()
    {
        var rows = OffboardingCsv.Parse("Name,HdcUserId,SecurIdSerialNumber,ApstrataLogin\r\n\"Reyes, Dana \"\"D\"\"\",5001,\"000300000001;000300000002\",dreyes\r\n\r\nGrace,5,,\r\n", "l.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal("Reyes, Dana \"D\"", rows[0].Name);
        Assert.Equal(new[] { "000300000001", "000300000002" }, rows[0].SerialNumbers);
        Assert.Equal("line 2 of l.csv", rows[0].Location);
        Assert.Equal("line 4 of l.csv", rows[1].Location);
        Assert.True(rows[1].IsValid);
    }

    [Theory]
    [InlineData("Dana,5001,000300000001,dreyes,extra", "it has 5 cells and the header 4")]
    [InlineData("Dana,5001,000300000001", "it has 3 cells and the header 4")]
    public void A_line_with_another_cell_count_than_the_header_is_refused(string line, string problem)
    {
        var row = OffboardingCsv.Parse($"Name,HdcUserId,SecurIdSerialNumber,ApstrataLogin\n{line}\n", "l.csv").Single();
        Assert.False(row.IsValid);
        Assert.Equal("Dana", row.Name);
        Assert.Contains(problem, row.DescribeProblems(), StringComparison.Ordinal);
        Assert.Empty(row.SerialNumbers);
    }

    [Fact]
    public void A_quoted_line_break_belongs_to_its_cell_and_is_refused_there()
    {
        var row = OffboardingCsv.Parse("Name,SecurIdSerialNumber\nDana,\"000300000001\n000300000002\"\nGrace,000300000003\n", "l.csv");
        Assert.Equal(2, row.Count);
        Assert.Contains("line break", row[0].DescribeProblems(), StringComparison.Ordinal);
        Assert.Equal("line 4 of l.csv", row[1].Location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Name,Name,HdcUserId\nDana,Dana,5\n")]
    [InlineData("Name,,HdcUserId\nDana,x,5\n")]
    public void A_file_without_a_usable_header_is_refused_whole(string text) =>
        Assert.Equal(OffboardingErrors.InvalidRow, Assert.Throws<TokenAdminException>(() => OffboardingCsv.Parse(text, "l.csv")).ErrorId);
}

public sealed class SecurIdOwnerCheckTests
{
    private static OffboardingRow Row(string serials, string? user = null) =>
        OffboardingRow.Create("Dana Reyes", null, new object?[] { serials }, user, null, OffboardingRow.Columns);

    private static readonly Dictionary<string, string?> Assigned = new()
    {
        ["1"] = "dreyes", ["2"] = "dreyes@corp.example", ["3"] = "asmith", ["4"] = "", ["5"] = null,
    };

    [Theory]
    [InlineData("dreyes", "DReyes", true)]
    [InlineData("dreyes", "dreyes@corp.example", true)]
    [InlineData("dreyes@corp.example", "dreyes@other.example", false)]
    [InlineData("dreyes", "dreyes2", false)]
    [InlineData("", "", false)]
    public void Same_user(string a, string b, bool same) => Assert.Equal(same, SecurIdOwnerCheck.SameUser(a, b));

    [Theory]
    [InlineData("1;2;4;5", "dreyes", "")]
    [InlineData("1;3", "dreyes", "3")]
    [InlineData("1;2;4", null, "")]
    [InlineData("1;3;4", null, "1;3")]
    [InlineData("3", "asmith", "")]
    public void Holds_back_what_the_row_and_the_token_disagree_on(string serials, string? user, string held) =>
        Assert.Equal(held, string.Join(";", SecurIdOwnerCheck.Held(Row(serials, user), Assigned, Array.Empty<string>()).Keys.OrderBy(k => k)));

    [Fact]
    public void Holds_back_a_token_of_the_user_another_row_names()
    {
        Assert.Equal(new[] { "3" }, SecurIdOwnerCheck.Held(Row("3;4"), Assigned, new[] { "asmith" }).Keys);
        Assert.Empty(SecurIdOwnerCheck.Held(Row("3"), Assigned, new[] { "jdoe" }));
    }
}
