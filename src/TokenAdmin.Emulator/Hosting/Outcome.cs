using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>A value, or the error response that stands in for it. Keeps request handlers linear.</summary>
internal readonly struct Outcome<T>
    where T : class
{
    private readonly T? value;
    private readonly IResult? error;

    private Outcome(T? value, IResult? error)
    {
        this.value = value;
        this.error = error;
    }

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static Outcome<T> Fail(IResult error) => new(null, error);

    public bool Failed([NotNullWhen(true)] out IResult? error, [NotNullWhen(false)] out T? value)
    {
        error = this.error;
        value = this.value;
        return error is not null;
    }
}
