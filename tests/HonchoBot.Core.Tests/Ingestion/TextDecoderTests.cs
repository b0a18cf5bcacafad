using System.Text;
using HonchoBot.Core.Ingestion;

namespace HonchoBot.Core.Tests.Ingestion;

public sealed class TextDecoderTests
{
    private const string Sample = "Café “Honcho” – naïve pilots’ log";

    [Fact]
    public void Decode_Utf8WithoutBom_ReadsText() =>
        Assert.Equal(Sample, TextDecoder.Decode(Encoding.UTF8.GetBytes(Sample)));

    [Fact]
    public void Decode_Utf8WithBom_DropsTheBom() =>
        Assert.Equal(Sample, TextDecoder.Decode([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Sample)]));

    [Fact]
    public void Decode_Utf16LittleEndianWithBom_ReadsText() =>
        Assert.Equal(Sample, TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)]));

    [Fact]
    public void Decode_Utf16BigEndianWithBom_ReadsText() =>
        Assert.Equal(Sample, TextDecoder.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)]));

    [Fact]
    public void Decode_Windows1252Bytes_FallsBackToWindows1252()
    {
        // 0x93/0x94 are curly quotes and 0x96 an en dash only in Windows-1252; 0xE9 is é in Latin-1 too.
        byte[] bytes = [.. "Caf"u8, 0xE9, .. " "u8, 0x93, .. "Honcho"u8, 0x94, .. " "u8, 0x96, .. " na"u8, 0xEF, .. "ve pilots"u8, 0x92, .. " log"u8];
        Assert.Equal(Sample, TextDecoder.Decode(bytes));
    }

    [Fact]
    public void Decode_DeclaredLatin1_IsReadAsWindows1252()
    {
        byte[] bytes = [.. "pilots"u8, 0x92, .. " log"u8];
        Assert.Equal("pilots’ log", TextDecoder.Decode(bytes, "iso-8859-1"));
    }

    [Fact]
    public void Decode_HtmlMetaCharset_IsHonoured()
    {
        byte[] bytes = [.. "<meta charset=\"windows-1251\"><p>"u8, 0xCC, 0xE8, 0xC3];
        Assert.EndsWith("МиГ", TextDecoder.Decode(bytes, null, lookForHtmlMeta: true), StringComparison.Ordinal);
    }
}
