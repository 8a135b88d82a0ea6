using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>The tenant every emulator starts with, and returns to on Reset.</summary>
internal static class HdcSeedData
{
    public static IReadOnlyList<HdcContext> Contexts { get; } =
    [
        new(1, "AddCommentToChangeRequest"),
        new(2, "ReadDocuments"),
        new(3, "UploadDocuments"),
        new(4, "ApproveChangeRequest"),
        new(5, "ManageWorkOrders"),
    ];

    // 777 holds no token: users without tokens are normal.
    public static IReadOnlyList<HdcDirectoryUser> Users { get; } =
    [
        new(5, "Grace Hopper"),
        new(42, "Alan Turing"),
        new(12345, "Ada Lovelace"),
        new(777, "Katherine Johnson"),
    ];

    /// <summary>Owner of the tokens <see cref="HdcOptions.AdditionalTokens"/> adds.</summary>
    public const long BulkTokenOwner = 777;

    // User 5 holds two tokens: one user may hold several.
    public static IReadOnlyList<(long UserId, IReadOnlyList<string> ContextNames)> Tokens { get; } =
    [
        (12345, ["AddCommentToChangeRequest"]),
        (5, ["ReadDocuments", "UploadDocuments"]),
        (5, ["ManageWorkOrders"]),
        (42, ["ReadDocuments"]),
    ];
}
