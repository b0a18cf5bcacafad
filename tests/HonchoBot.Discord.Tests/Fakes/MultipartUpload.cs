using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace HonchoBot.Discord.Tests.Fakes;

/// <summary>A file the fake received in a <c>files[n]</c> part.</summary>
public sealed record RecordedFile(int Index, string FileName, string? ContentType, byte[] Content);

/// <summary>
/// Reads a multipart/form-data upload the way Discord expects it (docs/platform-protocols.md): exactly one
/// <c>payload_json</c> part holding the message, <c>files[n]</c> parts each with a file name, every file listed in
/// the message's <c>attachments</c> with <c>id</c> n and the same file name, every <c>attachment://</c> embed image naming
/// an uploaded file, and nothing else. A PNG must be a PNG.
/// </summary>
public static partial class MultipartUpload
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsMultipart(string? contentType) =>
        contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    public static async Task<(string? PayloadJson, List<RecordedFile> Files, List<string> Problems)> ReadAsync(string contentType, byte[] body)
    {
        var problems = new List<string>();
        var files = new List<RecordedFile>();
        string? payload = null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            problems.Add("multipart without a boundary");
            return (null, files, problems);
        }

        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body));
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add("a part without Content-Disposition: form-data");
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer);
                if (name == "payload_json")
                {
                    if (payload is not null)
                    {
                        problems.Add("payload_json given twice");
                    }

                    payload = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                }
                else if (FilePart().Match(name) is { Success: true } file)
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    if (string.IsNullOrEmpty(fileName))
                    {
                        problems.Add($"{name} without a filename");
                        continue;
                    }

                    files.Add(new RecordedFile(int.Parse(file.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), fileName, section.ContentType, buffer.ToArray()));
                }
                else
                {
                    problems.Add($"unexpected part '{name}'");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            problems.Add("malformed multipart body: " + ex.Message);
            return (null, files, problems);
        }

        if (payload is null)
        {
            problems.Add("multipart without payload_json");
            return (null, files, problems);
        }

        CheckFiles(payload, files, problems);
        return (payload, files, problems);
    }

    private static void CheckFiles(string payload, List<RecordedFile> files, List<string> problems)
    {
        JsonNode? message;
        try
        {
            message = JsonNode.Parse(payload);
        }
        catch (System.Text.Json.JsonException)
        {
            problems.Add("payload_json is not JSON");
            return;
        }

        var attachments = (message?["attachments"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(a => (Id: a["id"]?.ToString(), FileName: a["filename"]?.GetValue<string>()))
            .ToList();
        if (files.Count == 0)
        {
            problems.Add("multipart without a file");
        }

        if (files.Select(f => f.Index).Distinct().Count() != files.Count)
        {
            problems.Add("two parts for the same files[n]");
        }

        foreach (var file in files)
        {
            if (!attachments.Any(a => a.Id == file.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.FileName == file.FileName))
            {
                problems.Add($"files[{file.Index}] ({file.FileName}) is not in attachments with its id and filename");
            }

            if (file.FileName.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && (file.ContentType != "image/png" || !file.Content.AsSpan().StartsWith(PngSignature)))
            {
                problems.Add($"files[{file.Index}] is named .png but is not an image/png PNG");
            }
        }

        foreach (var url in (message?["embeds"] as JsonArray ?? []).OfType<JsonObject>().Select(e => e["image"]?["url"]?.GetValue<string>()))
        {
            if (url is not null && url.StartsWith("attachment://", StringComparison.Ordinal) && !files.Any(f => "attachment://" + f.FileName == url))
            {
                problems.Add($"embed image {url} names no uploaded file");
            }
        }
    }

    [GeneratedRegex(@"^files\[(\d+)\]$")]
    private static partial Regex FilePart();
}
