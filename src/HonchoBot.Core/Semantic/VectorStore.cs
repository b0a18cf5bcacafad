using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace HonchoBot.Core.Semantic;

/// <summary>
/// The vectors made so far, keyed by passage text (<see cref="PassageVectorKey"/>): one append-only file per
/// model, <c>{data}/vectors/{model}/vectors.bin</c>. Vectors are written as they are made, so an
/// interrupted embedding run resumes where it stopped, and a torn last record (a killed process) is
/// detected by its checksum and cut off. Only the file offsets live in memory; vectors are read on demand.
/// </summary>
/// <remarks>
/// Record: body length (int32), body = key (16 bytes), sentence count (int32), passage vector, sentence
/// vectors (each a float32 scale and one signed byte per dimension), then FNV-1a of the body (uint32).
/// One writer (the index owner) appends; other processes may read what was there when they opened it.
/// </remarks>
public sealed class VectorStore : IDisposable
{
    private const uint Magic = 0x31564248; // "HBV1"
    private const string FileName = "vectors.bin";
    private const int MaxSentences = 4096;

    private readonly System.Threading.Lock _lock = new();
    private readonly Dictionary<UInt128, (long Offset, int Length)> _entries = [];
    private readonly Dictionary<UInt128, PassageVectors> _memory = [];
    private readonly string? _path;
    private readonly bool _isReadOnly;
    private SafeFileHandle? _handle;
    private long _end;

    private VectorStore(string? path, int dimensions, bool isReadOnly)
    {
        _path = path;
        Dimensions = dimensions;
        _isReadOnly = isReadOnly;
    }

    /// <summary>Length of every vector in the store.</summary>
    public int Dimensions { get; }

    /// <summary>Passages with vectors.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count + _memory.Count;
            }
        }
    }

    /// <summary>Bytes on disk (0 in memory).</summary>
    public long SizeOnDisk
    {
        get
        {
            lock (_lock)
            {
                return _end;
            }
        }
    }

    /// <summary>The directory for a model's vectors under the data directory.</summary>
    public static string DirectoryFor(string dataDirectory, string modelId) =>
        Path.Combine(dataDirectory, "vectors", SafeName(modelId));

    /// <summary>
    /// Opens (or creates) the store of one model. A file made for another model or another length is
    /// replaced (read-only: ignored). Stores of other models are deleted when opened for writing.
    /// </summary>
    public static VectorStore Open(string dataDirectory, string modelId, int dimensions, bool readOnly)
    {
        var directory = DirectoryFor(dataDirectory, modelId);
        if (!readOnly)
        {
            Directory.CreateDirectory(directory);
            DeleteOtherModels(Path.GetDirectoryName(directory)!, Path.GetFileName(directory));
        }

        var store = new VectorStore(Path.Combine(directory, FileName), dimensions, readOnly);
        try
        {
            store.Load(modelId);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>A store that keeps vectors in memory only (tests, in-memory indexes).</summary>
    public static VectorStore InMemory(int dimensions) => new(null, dimensions, isReadOnly: false);

    public bool Contains(UInt128 key)
    {
        lock (_lock)
        {
            return _entries.ContainsKey(key) || _memory.ContainsKey(key);
        }
    }

    /// <summary>The vectors of a passage text, or false when it has not been embedded (or its record is unreadable).</summary>
    public bool TryGet(UInt128 key, out PassageVectors vectors)
    {
        (long Offset, int Length) entry;
        SafeFileHandle? handle;
        lock (_lock)
        {
            if (_memory.TryGetValue(key, out vectors!))
            {
                return true;
            }

            if (!_entries.TryGetValue(key, out entry) || _handle is null)
            {
                vectors = null!;
                return false;
            }

            handle = _handle;
        }

        var body = new byte[entry.Length];
        if (RandomAccess.Read(handle, body, entry.Offset) != body.Length || !TryDecode(body, out var decodedKey, out vectors) || decodedKey != key)
        {
            vectors = null!;
            return false;
        }

        return true;
    }

    /// <summary>
    /// Stores a passage's vectors (a key already present is kept as it is). A read-only store keeps them in
    /// memory for this process only.
    /// </summary>
    public void Add(UInt128 key, PassageVectors vectors)
    {
        if (vectors.Passage.Values.Length != Dimensions || vectors.Sentences.Any(s => s.Values.Length != Dimensions))
        {
            throw new ArgumentException($"vectors must have {Dimensions} dimensions", nameof(vectors));
        }

        lock (_lock)
        {
            if (_entries.ContainsKey(key) || _memory.ContainsKey(key))
            {
                return;
            }

            // In memory only: a store without a file, or one another process writes (it persists its own).
            if (_handle is null || _isReadOnly)
            {
                _memory[key] = vectors;
                return;
            }

            var body = Encode(key, vectors);
            var record = new byte[sizeof(int) + body.Length + sizeof(uint)];
            BinaryPrimitives.WriteInt32LittleEndian(record, body.Length);
            body.CopyTo(record.AsSpan(sizeof(int)));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(sizeof(int) + body.Length), Fnv1a(body));
            RandomAccess.Write(_handle, record, _end);
            _entries[key] = (_end + sizeof(int), body.Length);
            _end += record.Length;
        }
    }

    /// <summary>
    /// Rewrites the file with only the given keys when records of passages no longer in the library make up
    /// most of it, so the store does not grow without bound as sources are edited and removed.
    /// </summary>
    /// <returns>Records dropped.</returns>
    public int Compact(IReadOnlySet<UInt128> live, int minimumGarbage = 1000)
    {
        lock (_lock)
        {
            var garbage = _entries.Keys.Count(k => !live.Contains(k));
            if (_isReadOnly || _handle is null || garbage < minimumGarbage || garbage < _entries.Count / 2)
            {
                return 0;
            }

            var temporary = _path + ".tmp";
            using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                output.Write(HeaderBytes(ModelId));
                Span<byte> length = stackalloc byte[sizeof(int)];
                Span<byte> checksum = stackalloc byte[sizeof(uint)];
                foreach (var (key, entry) in _entries.Where(e => live.Contains(e.Key)).OrderBy(e => e.Value.Offset))
                {
                    var body = new byte[entry.Length];
                    RandomAccess.Read(_handle, body, entry.Offset);
                    BinaryPrimitives.WriteInt32LittleEndian(length, body.Length);
                    output.Write(length);
                    output.Write(body);
                    BinaryPrimitives.WriteUInt32LittleEndian(checksum, Fnv1a(body));
                    output.Write(checksum);
                }

                output.Flush(flushToDisk: true);
            }

            _handle.Dispose();
            _handle = null;
            File.Move(temporary, _path!, overwrite: true);
            _entries.Clear();
            Load(ModelId);
            return garbage;
        }
    }

    private string ModelId { get; set; } = string.Empty;

    private void Load(string modelId)
    {
        ModelId = modelId;
        if (_isReadOnly && !File.Exists(_path))
        {
            return;
        }

        _handle = File.OpenHandle(
            _path!,
            _isReadOnly ? FileMode.Open : FileMode.OpenOrCreate,
            _isReadOnly ? FileAccess.Read : FileAccess.ReadWrite,
            _isReadOnly ? FileShare.ReadWrite | FileShare.Delete : FileShare.Read | FileShare.Delete);
        var header = HeaderBytes(modelId);
        var length = RandomAccess.GetLength(_handle);
        var existing = new byte[Math.Min(length, header.Length)];
        RandomAccess.Read(_handle, existing, 0);
        if (length < header.Length || !existing.AsSpan().SequenceEqual(header))
        {
            if (_isReadOnly)
            {
                _handle.Dispose();
                _handle = null;
                return;
            }

            // A new file, or one written for another model or format: start again.
            RandomAccess.SetLength(_handle, 0);
            RandomAccess.Write(_handle, header, 0);
            _end = header.Length;
            return;
        }

        _end = ScanRecords(header.Length, length);
        if (!_isReadOnly && _end < length)
        {
            // A torn or corrupt tail (the writer was killed mid-record): cut it off and append after the last good one.
            RandomAccess.SetLength(_handle, _end);
        }
    }

    /// <returns>The end of the last intact record.</returns>
    private long ScanRecords(long start, long length)
    {
        var position = start;
        var lengthBytes = new byte[sizeof(int)];
        var maxBody = 16 + sizeof(int) + ((MaxSentences + 1) * QuantizedVector.SizeOf(Dimensions));
        while (position + sizeof(int) <= length)
        {
            RandomAccess.Read(_handle!, lengthBytes, position);
            var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
            if (bodyLength < 16 + sizeof(int) || bodyLength > maxBody || position + sizeof(int) + bodyLength + sizeof(uint) > length)
            {
                break;
            }

            var record = new byte[bodyLength + sizeof(uint)];
            RandomAccess.Read(_handle!, record, position + sizeof(int));
            var body = record.AsSpan(0, bodyLength);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(bodyLength)) != Fnv1a(body))
            {
                break;
            }

            var key = ReadKey(body);
            _entries[key] = (position + sizeof(int), bodyLength);
            position += sizeof(int) + bodyLength + sizeof(uint);
        }

        return position;
    }

    private byte[] Encode(UInt128 key, PassageVectors vectors)
    {
        var size = QuantizedVector.SizeOf(Dimensions);
        var body = new byte[16 + sizeof(int) + ((vectors.Sentences.Count + 1) * size)];
        BinaryPrimitives.WriteUInt128LittleEndian(body, key);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(16), vectors.Sentences.Count);
        var offset = 16 + sizeof(int);
        Write(vectors.Passage);
        foreach (var sentence in vectors.Sentences)
        {
            Write(sentence);
        }

        return body;

        void Write(QuantizedVector vector)
        {
            BinaryPrimitives.WriteSingleLittleEndian(body.AsSpan(offset), vector.Scale);
            for (var i = 0; i < Dimensions; i++)
            {
                body[offset + sizeof(float) + i] = unchecked((byte)vector.Values[i]);
            }

            offset += size;
        }
    }

    private bool TryDecode(ReadOnlySpan<byte> body, out UInt128 key, out PassageVectors vectors)
    {
        key = ReadKey(body);
        var count = BinaryPrimitives.ReadInt32LittleEndian(body[16..]);
        var size = QuantizedVector.SizeOf(Dimensions);
        if (count < 0 || count > MaxSentences || body.Length != 16 + sizeof(int) + ((count + 1) * size))
        {
            vectors = null!;
            return false;
        }

        var offset = 16 + sizeof(int);
        var passage = Read(body);
        var sentences = new QuantizedVector[count];
        for (var s = 0; s < count; s++)
        {
            sentences[s] = Read(body);
        }

        vectors = new PassageVectors(passage, sentences);
        return true;

        QuantizedVector Read(ReadOnlySpan<byte> bytes)
        {
            var scale = BinaryPrimitives.ReadSingleLittleEndian(bytes[offset..]);
            var values = new sbyte[Dimensions];
            bytes.Slice(offset + sizeof(float), Dimensions).CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            offset += size;
            return new QuantizedVector(values, scale);
        }
    }

    private static UInt128 ReadKey(ReadOnlySpan<byte> body) => BinaryPrimitives.ReadUInt128LittleEndian(body);

    private byte[] HeaderBytes(string modelId)
    {
        var name = Encoding.UTF8.GetBytes(modelId);
        var header = new byte[(3 * sizeof(int)) + name.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), Dimensions);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), name.Length);
        name.CopyTo(header.AsSpan(12));
        return header;
    }

    private static uint Fnv1a(ReadOnlySpan<byte> data)
    {
        var hash = 2166136261u;
        foreach (var b in data)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private static string SafeName(string modelId)
    {
        var builder = new StringBuilder(modelId.Length);
        foreach (var c in modelId.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        }

        return builder.ToString();
    }

    private static void DeleteOtherModels(string vectorsRoot, string keep)
    {
        foreach (var directory in Directory.GetDirectories(vectorsRoot))
        {
            if (!string.Equals(Path.GetFileName(directory), keep, StringComparison.Ordinal))
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // Another process may still read it; it goes next time.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _handle?.Dispose();
            _handle = null;
        }
    }
}
