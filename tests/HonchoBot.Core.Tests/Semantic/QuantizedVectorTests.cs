using HonchoBot.Core.Semantic;

namespace HonchoBot.Core.Tests.Semantic;

public sealed class QuantizedVectorTests
{
    private static float[] Unit(int dimensions, int seed)
    {
        var random = new Random(seed);
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    [Theory]
    [InlineData(384, 1, 2)]
    [InlineData(384, 3, 3)]
    [InlineData(37, 5, 6)]
    public void Dot_OfQuantizedUnitVectors_IsCloseToTheFloatCosine(int dimensions, int seedA, int seedB)
    {
        var a = Unit(dimensions, seedA);
        var b = Unit(dimensions, seedB);
        var exact = a.Zip(b, (x, y) => x * y).Sum();

        var approximate = QuantizedVector.From(a).Dot(QuantizedVector.From(b));

        Assert.InRange(approximate, exact - 0.01f, exact + 0.01f);
    }

    [Fact]
    public void From_ZeroVector_HasZeroScaleAndZeroDot()
    {
        var zero = QuantizedVector.From(new float[8]);

        Assert.Equal(0, zero.Scale);
        Assert.Equal(0, zero.Dot(QuantizedVector.From(Unit(8, 1))));
    }

    [Fact]
    public void Dot_IntegerKernel_MatchesTheScalarSumOnEveryLength()
    {
        var random = new Random(7);
        for (var length = 0; length < 100; length++)
        {
            var a = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            var b = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            Assert.Equal(a.Zip(b, (x, y) => x * y).Sum(), QuantizedVector.Dot(a, b));
        }
    }
}
