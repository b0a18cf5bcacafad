using System.Text.Json.Serialization;

namespace HonchoBot.Core.Claims;

/// <summary>The time a claim is about. Months are written <c>yyyymm</c> (195011 = November 1950).</summary>
public sealed record TimeScope(
    [property: JsonPropertyName("k")] TimeScopeKind Kind,
    [property: JsonPropertyName("f")] int From,
    [property: JsonPropertyName("t")] int To);
