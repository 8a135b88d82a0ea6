using System.Collections.Generic;
using System.Linq;

namespace TokenAdmin.Core.Hdc;

/// <summary>
/// The outcome of a create. [doc] The service answers 201 {} and does not return the new token.
/// [assume] So it is looked for in a listing taken afterwards: the token that was not there
/// before, belongs to the user, and holds exactly the requested contexts.
/// </summary>
public sealed class HdcCreation
{
    private HdcCreation(HdcTokenInfo? token, int candidates, IReadOnlyList<HdcTokenInfo> listingAfter)
    {
        Token = token;
        Candidates = candidates;
        ListingAfter = listingAfter;
    }

    /// <summary>The created token, when exactly one candidate was found.</summary>
    public HdcTokenInfo? Token { get; }

    /// <summary>0: the new token did not show up; more than 1: other clients created look-alikes at the same time.</summary>
    public int Candidates { get; }

    /// <summary>Reusable as the "before" snapshot of the next create.</summary>
    public IReadOnlyList<HdcTokenInfo> ListingAfter { get; }

    public static HdcCreation Find(IReadOnlyCollection<string> tokensBefore, IReadOnlyList<HdcTokenInfo> listingAfter,
        long userId, IReadOnlyCollection<string> contextNames)
    {
        var wanted = new HashSet<string>(contextNames);
        var candidates = listingAfter
            .Where(t => t.UserId == userId && !tokensBefore.Contains(t.Token) && wanted.SetEquals(t.Contexts.Select(c => c.Name)))
            .ToList();
        return new HdcCreation(candidates.Count == 1 ? candidates[0] : null, candidates.Count, listingAfter);
    }
}
