using HonchoBot.Core.Semantic;
using HonchoBot.Core.Tests.Corpus;

namespace HonchoBot.Core.Tests.Semantic;

public sealed class VectorStoreTests : IDisposable
{
    private const int Dimensions = 8;
    private const string Model = "test-model";

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private static PassageVectors Vectors(int seed, int sentences)
    {
        QuantizedVector One(int s) => QuantizedVector.From([.. Enumerable.Range(0, Dimensions).Select(i => (float)Math.Sin(seed + s + i))]);
        return new PassageVectors(One(0), [.. Enumerable.Range(1, sentences).Select(One)]);
    }

    private string StoreFile => Path.Combine(VectorStore.DirectoryFor(_data.Path, Model), "vectors.bin");

    private static void AssertSame(PassageVectors expected, PassageVectors actual)
    {
        Assert.Equal(expected.Passage.Values, actual.Passage.Values);
        Assert.Equal(expected.Passage.Scale, actual.Passage.Scale);
        Assert.Equal(expected.Sentences.Count, actual.Sentences.Count);
        for (var s = 0; s < expected.Sentences.Count; s++)
        {
            Assert.Equal(expected.Sentences[s].Values, actual.Sentences[s].Values);
        }
    }

    [Fact]
    public void Add_ThenReopen_ReadsTheSameVectorsBack()
    {
        var first = Vectors(1, 3);
        var second = Vectors(2, 0);
        using (var store = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: false))
        {
            store.Add(10, first);
            store.Add(20, second);
        }

        using var reopened = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: false);

        Assert.Equal(2, reopened.Count);
        Assert.True(reopened.TryGet(10, out var read1));
        AssertSame(first, read1);
        Assert.True(reopened.TryGet(20, out var read2));
        AssertSame(second, read2);
        Assert.False(reopened.TryGet(30, out _));
    }

    [Fact]
    public void Open_TornLastRecord_KeepsTheIntactOnesAndAppendsAfterThem()
    {
        using (var store = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: false))
        {
            store.Add(1, Vectors(1, 2));
            store.Add(2, Vectors(2, 2));
        }

        // A process killed mid-write leaves part of a record.
        var length = new FileInfo(StoreFile).Length;
        using (var file = new FileStream(StoreFile, FileMode.Open))
        {
            file.SetLength(length - 5);
        }

        using (var store = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: false))
        {
            Assert.True(store.Contains(1));
            Assert.False(store.Contains(2));
            store.Add(3, Vectors(3, 1));
        }

        using var reopened = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: false);
        Assert.True(reopened.Contains(1));
        Assert.True(reopened.TryGet(3, out var third));
        AssertSame(Vectors(3, 1), third);
    }

    [Fact]
    public void Open_CorruptRecordInTheMiddle_StopsThereRatherThanReadGarbage()
    {
        using (var store = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: false))
        {
            store.Add(1, Vectors(1, 1));
            store.Add(2, Vectors(2, 1));
            store.Add(3, Vectors(3, 1));
        }

        var bytes = File.ReadAllBytes(StoreFile);
        bytes[^40] ^= 0xFF; // inside the last record
        File.WriteAllBytes(StoreFile, bytes);

        using var reopened = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: false);
        Assert.True(reopened.Contains(1));
        Assert.True(reopened.Contains(2));
        Assert.False(reopened.Contains(3));
    }

    [Fact]
    public void Open_AnotherModel_StartsEmptyAndDeletesTheOldModelsVectors()
    {
        using (var store = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: false))
        {
            store.Add(1, Vectors(1, 1));
        }

        using var other = VectorStore.Open(_data.Path, "other-model", Dimensions, readOnly: false);

        Assert.Equal(0, other.Count);
        Assert.False(Directory.Exists(VectorStore.DirectoryFor(_data.Path, Model)));
    }

    [Fact]
    public void Open_ReadOnly_SeesWhatWasStoredAndKeepsItsOwnAdditionsInMemory()
    {
        using (var writer = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: false))
        {
            writer.Add(1, Vectors(1, 1));
        }

        var before = File.ReadAllBytes(StoreFile);
        using (var reader = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: true))
        {
            Assert.True(reader.Contains(1));
            reader.Add(2, Vectors(2, 1));
            Assert.True(reader.TryGet(2, out _));
        }

        Assert.Equal(before, File.ReadAllBytes(StoreFile));
    }

    [Fact]
    public void Compact_MostRecordsDead_RewritesWithTheLiveOnesOnly()
    {
        using var store = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: false);
        for (var key = 0; key < 30; key++)
        {
            store.Add((UInt128)key, Vectors(key, 1));
        }

        var before = store.SizeOnDisk;
        var dropped = store.Compact(new HashSet<UInt128> { 3, 7 }, minimumGarbage: 10);

        Assert.Equal(28, dropped);
        Assert.Equal(2, store.Count);
        Assert.True(store.SizeOnDisk < before / 5);
        Assert.True(store.TryGet(7, out var seven));
        AssertSame(Vectors(7, 1), seven);
    }

    [Fact]
    public void Compact_LittleGarbage_LeavesTheFileAlone()
    {
        using var store = VectorStore.Open(_data.Path, Model, Dimensions, readOnly: false);
        for (var key = 0; key < 30; key++)
        {
            store.Add((UInt128)key, Vectors(key, 1));
        }

        Assert.Equal(0, store.Compact(Enumerable.Range(0, 25).Select(k => (UInt128)k).ToHashSet(), minimumGarbage: 1));
        Assert.Equal(30, store.Count);
    }

    [Fact]
    public void Add_WrongDimensions_IsRefused()
    {
        using var store = VectorStore.InMemory(Dimensions);

        Assert.Throws<ArgumentException>(() => store.Add(1, new PassageVectors(QuantizedVector.From(new float[3]), [])));
    }

    [Fact]
    public void Key_SameText_SameKey_AndHexRoundTrips()
    {
        var key = PassageVectorKey.Of("The MiG-15 flew from Antung.");

        Assert.Equal(key, PassageVectorKey.Of("The MiG-15 flew from Antung."));
        Assert.NotEqual(key, PassageVectorKey.Of("The MiG-15 flew from Antung!"));
        Assert.True(PassageVectorKey.TryParseHex(PassageVectorKey.ToHex(key), out var parsed));
        Assert.Equal(key, parsed);
    }
}
