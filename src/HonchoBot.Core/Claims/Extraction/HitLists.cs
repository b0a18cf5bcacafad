using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>Lookups in the position-ordered hit lists of a <see cref="TaggedText"/>.</summary>
internal static class HitLists
{
    public static TermHit<T>? HitAt<T>(List<TermHit<T>> hits, int start)
    {
        foreach (var hit in hits)
        {
            if (hit.Start == start)
            {
                return hit;
            }

            if (hit.Start > start)
            {
                break;
            }
        }

        return null;
    }

    public static TermHit<T>? FirstIn<T>(List<TermHit<T>> hits, int start, int end)
    {
        foreach (var hit in hits)
        {
            if (hit.Start >= start && hit.End <= end)
            {
                return hit;
            }
        }

        return null;
    }

    public static bool AnyIn<T>(List<TermHit<T>> hits, int start, int end) => FirstIn(hits, start, end) is not null;

    public static TermHit<T>? LastBefore<T>(List<TermHit<T>> hits, int start, int end, Func<TermHit<T>, bool> accept)
    {
        TermHit<T>? found = null;
        foreach (var hit in hits)
        {
            if (hit.Start >= start && hit.End <= end && accept(hit))
            {
                found = hit;
            }
        }

        return found;
    }
}
