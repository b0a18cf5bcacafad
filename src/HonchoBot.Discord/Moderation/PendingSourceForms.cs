using System.Collections.Concurrent;
using HonchoBot.Core.Sources;

namespace HonchoBot.Discord.Moderation;

/// <summary>
/// Metadata typed in <c>/source add</c> options, kept while the moderator fills the paste-text modal.
/// A modal's custom_id holds only 100 characters, so it carries a short key; entries expire with the
/// interaction token (15 minutes).
/// </summary>
internal sealed class PendingSourceForms(TimeProvider time)
{
    private static readonly TimeSpan Life = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, (SourceMetadata Metadata, string UserId, DateTimeOffset Expires)> _forms = new(StringComparer.Ordinal);

    public string Store(SourceMetadata metadata, string userId)
    {
        var now = time.GetUtcNow();
        foreach (var expired in _forms.Where(f => f.Value.Expires < now).Select(f => f.Key).ToList())
        {
            _forms.TryRemove(expired, out _);
        }

        var key = Guid.NewGuid().ToString("N")[..12];
        _forms[key] = (metadata, userId, now + Life);
        return key;
    }

    /// <summary>The stored metadata when the key is known, unexpired and belongs to <paramref name="userId"/>.</summary>
    public SourceMetadata? Take(string key, string userId) =>
        _forms.TryRemove(key, out var form) && form.UserId == userId && form.Expires >= time.GetUtcNow() ? form.Metadata : null;
}
