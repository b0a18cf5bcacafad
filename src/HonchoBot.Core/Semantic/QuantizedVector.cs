using System.Numerics;
using System.Runtime.InteropServices;

namespace HonchoBot.Core.Semantic;

/// <summary>
/// A vector stored as signed bytes and one scale (value ≈ byte × scale). A quarter of float32's
/// memory and disk; on unit vectors of 384 dimensions the cosine it gives differs by about 0.003.
/// </summary>
public readonly record struct QuantizedVector(sbyte[] Values, float Scale)
{
    /// <summary>Bytes of one quantized vector on disk: the scale, then the values.</summary>
    public static int SizeOf(int dimensions) => sizeof(float) + dimensions;

    /// <summary>Symmetric quantization: the largest magnitude maps to ±127.</summary>
    public static QuantizedVector From(ReadOnlySpan<float> vector)
    {
        var max = 0f;
        foreach (var value in vector)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        var values = new sbyte[vector.Length];
        if (max == 0)
        {
            return new QuantizedVector(values, 0);
        }

        var scale = max / 127f;
        for (var i = 0; i < vector.Length; i++)
        {
            values[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127, 127);
        }

        return new QuantizedVector(values, scale);
    }

    /// <summary>The approximate dot product of two quantized vectors.</summary>
    public float Dot(QuantizedVector other) => Dot(Values, other.Values) * Scale * other.Scale;

    /// <summary>Integer dot product of two byte vectors of equal length.</summary>
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var sum = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<sbyte>.Count)
        {
            var accumulator = Vector<int>.Zero;
            var va = MemoryMarshal.Cast<sbyte, Vector<sbyte>>(a);
            var vb = MemoryMarshal.Cast<sbyte, Vector<sbyte>>(b);
            for (var v = 0; v < va.Length; v++)
            {
                Vector.Widen(va[v], out var aLow, out var aHigh);
                Vector.Widen(vb[v], out var bLow, out var bHigh);
                Vector.Widen(aLow * bLow, out var p0, out var p1);
                Vector.Widen(aHigh * bHigh, out var p2, out var p3);
                accumulator += p0 + p1 + p2 + p3;
            }

            sum = Vector.Sum(accumulator);
            i = va.Length * Vector<sbyte>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
