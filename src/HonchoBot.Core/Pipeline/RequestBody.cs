namespace HonchoBot.Core.Pipeline;

/// <summary>What reading an inbound request body came to.</summary>
public enum BodyStatus
{
    /// <summary>The whole body, within the cap.</summary>
    Read,

    /// <summary>Declared or found to be over the cap; reading stopped there.</summary>
    TooLarge,

    /// <summary>The transport could not frame it: a bad chunk size, an oversized trailer, a body cut short.</summary>
    Malformed,
}

/// <summary>An inbound body, or why there is none. <paramref name="Problem"/> is for a Debug line, never for the client.</summary>
public sealed record BodyRead(BodyStatus Status, byte[] Bytes, string? Problem = null);

/// <summary>
/// Reads a webhook body whole, up to a cap, before anything else looks at it (signatures are computed over the
/// raw bytes). A body the server cannot even frame is the client's fault, so it is a value here, not an
/// exception that would surface as a 500 with a stack trace.
/// </summary>
public static class RequestBody
{
    private const int ChunkBytes = 16 * 1024;

    public static async Task<BodyRead> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            return new BodyRead(BodyStatus.TooLarge, [], "declared length over the cap");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return new BodyRead(BodyStatus.TooLarge, [], "body over the cap");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException ex)
        {
            // Kestrel's BadHttpRequestException is an IOException, and so is what it throws for a chunk size
            // that overflows; a connection reset is one too, and its client is gone either way.
            return new BodyRead(BodyStatus.Malformed, [], ex.Message);
        }

        return new BodyRead(BodyStatus.Read, buffer.ToArray());
    }
}
