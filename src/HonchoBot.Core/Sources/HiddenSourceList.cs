using System.Text;
using System.Text.Json;
using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Sources;

/// <summary>
/// Which sources are hidden where, kept in <c>{data}/hidden-sources.json</c> as
/// <c>{"global": [ids], "discord:123": [ids]}</c>. A community's questions skip its own hidden ids and
/// the global ones (the CLI operator hides for everyone; a moderator hides only in their community).
/// The file is re-read when it changes, so <c>honcho sources hide</c> reaches a running server.
/// </summary>
public sealed class HiddenSourceList(IOptions<DataOptions> data) : IHiddenSources
{
    /// <summary>The key of hides made outside any community (the CLI).</summary>
    public const string GlobalKey = "global";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly HashSet<string> Empty = [];
    private readonly System.Threading.Lock _lock = new();
    private Dictionary<string, HashSet<string>> _hidden = [];
    private DateTime _loadedStamp = DateTime.MinValue;

    public string FilePath => Path.GetFullPath(Path.Combine(data.Value.Path, "hidden-sources.json"));

    public IReadOnlySet<string> HiddenIn(string? communityId)
    {
        lock (_lock)
        {
            Refresh();
            _hidden.TryGetValue(GlobalKey, out var global);
            if (communityId is null || !_hidden.TryGetValue(communityId, out var local))
            {
                return global is null ? Empty : new HashSet<string>(global, StringComparer.Ordinal);
            }

            var union = new HashSet<string>(local, StringComparer.Ordinal);
            if (global is not null)
            {
                union.UnionWith(global);
            }

            return union;
        }
    }

    /// <summary>True when <paramref name="sourceId"/> is hidden by this community's own list (global for null).</summary>
    public bool IsHiddenBy(string? communityId, string sourceId)
    {
        lock (_lock)
        {
            Refresh();
            return _hidden.TryGetValue(communityId ?? GlobalKey, out var set) && set.Contains(sourceId);
        }
    }

    /// <summary>Hides or unhides; false when nothing changed. The file is replaced atomically.</summary>
    public bool Set(string? communityId, string sourceId, bool hidden)
    {
        lock (_lock)
        {
            Refresh();
            var key = communityId ?? GlobalKey;
            if (!_hidden.TryGetValue(key, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                _hidden[key] = set;
            }

            var changed = hidden ? set.Add(sourceId) : set.Remove(sourceId);
            if (!changed)
            {
                return false;
            }

            if (set.Count == 0)
            {
                _hidden.Remove(key);
            }

            Save();
            return true;
        }
    }

    private void Refresh()
    {
        var stamp = File.Exists(FilePath) ? File.GetLastWriteTimeUtc(FilePath) : DateTime.MinValue;
        if (stamp == _loadedStamp)
        {
            return;
        }

        _hidden = stamp == DateTime.MinValue ? [] : Read();
        _loadedStamp = stamp;
    }

    private Dictionary<string, HashSet<string>> Read()
    {
        try
        {
            var raw = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(FilePath, Utf8)) ?? [];
            return raw.ToDictionary(kv => kv.Key, kv => new HashSet<string>(kv.Value ?? [], StringComparer.Ordinal), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // A corrupt list hides nothing rather than stopping answers; the next Set rewrites it whole.
            return [];
        }
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var sorted = _hidden.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray());
        var temp = FilePath + $".{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(Utf8.GetBytes(JsonSerializer.Serialize(sorted, JsonDefaults.Compact)));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, FilePath, overwrite: true);
        _loadedStamp = File.GetLastWriteTimeUtc(FilePath);
    }
}
