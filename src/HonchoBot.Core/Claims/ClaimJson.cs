using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HonchoBot.Core.Claims;

/// <summary>
/// The stored form of a passage's claims: compact, versioned JSON (<c>{"v":1,"c":[…]}</c>), written once at index
/// time and read at answer time. Empty lists and scopes, false flags and nulls are left out.
/// </summary>
public static class ClaimJson
{
    /// <summary>Format version; bump it when the meaning of a stored field changes (the index is then rebuilt).</summary>
    public const int Version = 2;

    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        TypeInfoResolver = ClaimJsonContext.Default.WithAddedModifier(SkipEmptyValues),
    };

    private static readonly JsonTypeInfo<ClaimDocument> DocumentInfo =
        (JsonTypeInfo<ClaimDocument>)Options.GetTypeInfo(typeof(ClaimDocument));

    /// <summary>Serialises claims for storage beside their passage.</summary>
    public static string Serialize(IReadOnlyList<Claim> claims) =>
        JsonSerializer.Serialize(new ClaimDocument(Version, claims), DocumentInfo);

    /// <summary>Reads stored claims. Throws <see cref="FormatException"/> on malformed JSON or another version.</summary>
    public static IReadOnlyList<Claim> Deserialize(string json)
    {
        if (!TryDeserialize(json, out var claims, out var error))
        {
            throw new FormatException(error);
        }

        return claims;
    }

    /// <summary>Reads stored claims; false (with a reason) on malformed JSON or another version, so the index can be rebuilt.</summary>
    public static bool TryDeserialize(string? json, out IReadOnlyList<Claim> claims, out string? error)
    {
        claims = [];
        if (string.IsNullOrWhiteSpace(json))
        {
            error = "Stored claims are empty.";
            return false;
        }

        ClaimDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, DocumentInfo);
        }
        catch (JsonException ex)
        {
            error = $"Stored claims are not valid claim JSON: {ex.Message}";
            return false;
        }

        if (document is null)
        {
            error = "Stored claims are null.";
            return false;
        }

        if (document.Version != Version)
        {
            error = $"Stored claims have format version {document.Version}; this build reads version {Version}. Rebuild the index.";
            return false;
        }

        claims = document.Claims ?? [];
        error = null;
        return true;
    }

    private static void SkipEmptyValues(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && property.PropertyType != typeof(string))
            {
                property.ShouldSerialize = static (_, value) => value is not ICollection { Count: 0 };
            }
            else if (property.PropertyType == typeof(ClaimScope))
            {
                property.ShouldSerialize = static (_, value) => value is ClaimScope scope && scope != ClaimScope.None;
            }
        }
    }
}

internal sealed record ClaimDocument(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("c")] IReadOnlyList<Claim>? Claims);

[JsonSerializable(typeof(ClaimDocument))]
internal sealed partial class ClaimJsonContext : JsonSerializerContext;
