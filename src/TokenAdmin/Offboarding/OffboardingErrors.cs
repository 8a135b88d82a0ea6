using System.Management.Automation;

namespace TokenAdmin.Offboarding;

/// <summary>The errors Revoke-TokenAdminUserAccess raises itself (the cmdlets it runs raise their own).</summary>
public static class OffboardingErrors
{
    /// <summary>A row refused before anything of it was sent (a cell that is not what it should be, an unknown column).</summary>
    public const string InvalidRow = "InvalidOffboardingRow";

    /// <summary>A SecurID token assigned to another user than the row's: not deleted without -Force.</summary>
    public const string OwnerMismatch = "SecurIdTokenOwnerMismatch";

    public static ErrorRecord RowRefused(OffboardingRow row) =>
        new(new TokenAdminException(row.DescribeProblems(), InvalidRow), InvalidRow, ErrorCategory.InvalidData, row.Name);

    public static ErrorRecord Unreadable(TokenAdminException exception, string path) =>
        new(exception, exception.ErrorId, ErrorCategory.InvalidData, path);

    public static ErrorRecord TokenNotDeleted(string name, string serialNumber, string why) =>
        new(new TokenAdminException(
                $"SecurID token {serialNumber} was not deleted for {name}: {why}. Check the row; if the token is {name}'s all the same, run again with -Force.",
                OwnerMismatch),
            OwnerMismatch, ErrorCategory.PermissionDenied, serialNumber);
}
