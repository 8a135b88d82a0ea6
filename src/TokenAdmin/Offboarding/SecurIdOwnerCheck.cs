using System;
using System.Collections.Generic;
using System.Linq;

namespace TokenAdmin.Offboarding;

/// <summary>
/// Whether a row's SecurID serials are the row's person's, by the users the look-up says they are
/// assigned to. A serial is held back (not deleted without -Force) when the row and the token clearly
/// disagree: the row's SecurIdUserId is another user; or, without one, the row's tokens are assigned
/// to several users (one of them is not this person's), or to the user another row names. An
/// unassigned token revokes nobody's access and is never held.
/// </summary>
public static class SecurIdOwnerCheck
{
    /// <summary>Equal ignoring case, or the same name with and without a domain ("dreyes", "dreyes@corp.example").</summary>
    public static bool SameUser(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return false;
        }

        a = a.Trim();
        b = b.Trim();
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var atA = a.IndexOf('@', StringComparison.Ordinal);
        var atB = b.IndexOf('@', StringComparison.Ordinal);
        return (atA < 0) != (atB < 0)
            && string.Equals(atA < 0 ? a : a[..atA], atB < 0 ? b : b[..atB], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The row's serials that are held back, each with why. <paramref name="assignedTo"/> holds the
    /// looked-up serials (an empty or null user: unassigned); <paramref name="otherRowsUsers"/> the
    /// SecurIdUserId of every other row.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Held(OffboardingRow row, IReadOnlyDictionary<string, string?> assignedTo, IEnumerable<string?> otherRowsUsers)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(assignedTo);
        var assigned = row.SerialNumbers
            .Where(s => assignedTo.TryGetValue(s, out var user) && !string.IsNullOrWhiteSpace(user))
            .Select(s => (Serial: s, User: assignedTo[s]!.Trim()))
            .ToList();
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        if (row.SecurIdUserId is { } expected)
        {
            foreach (var (serial, user) in assigned.Where(a => !SameUser(a.User, expected)))
            {
                held[serial] = $"it is assigned to {user}, and the row names {expected} as the SecurID user";
            }

            return held;
        }

        var users = new List<string>();
        foreach (var (_, user) in assigned.Where(a => !users.Any(u => SameUser(u, a.User))))
        {
            users.Add(user);
        }

        if (users.Count > 1)
        {
            foreach (var (serial, user) in assigned)
            {
                held[serial] = $"it is assigned to {user}, and the row's other tokens to {string.Join(", ", users.Where(u => !SameUser(u, user)))}, so not all of them are {row.Name}'s (a SecurIdUserId column says whose they are)";
            }
        }
        else if (users.Count == 1 && otherRowsUsers.FirstOrDefault(other => SameUser(other, users[0])) is { } claimed)
        {
            foreach (var (serial, user) in assigned)
            {
                held[serial] = $"it is assigned to {user}, whom another row names as its SecurID user ({claimed.Trim()})";
            }
        }

        return held;
    }
}
