namespace HonchoBot.Core.Pipeline;

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
