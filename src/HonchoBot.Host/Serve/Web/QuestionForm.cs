using System.Globalization;
using System.Text.Encodings.Web;
using HonchoBot.Core.Answers;

namespace HonchoBot.Host.Serve.Web;

/// <summary>The question box of the home page and the answer page: a plain GET form to <c>/ask</c>, no script.</summary>
internal static class QuestionForm
{
    /// <summary>The form, with <paramref name="question"/> (HTML-encoded) in the box when there is one.</summary>
    public static string Html(string? question = null) => string.Create(CultureInfo.InvariantCulture, $"""
        <form class="ask" action="/ask" method="get" role="search">
        <label for="q">Ask a question</label>
        <input id="q" name="q" type="search" maxlength="{Question.MaxLength}" required="required" placeholder="How many MiG-15s did the Sabre pilots claim?" value="{HtmlEncoder.Default.Encode(question ?? "")}" />
        <button type="submit">Ask</button>
        </form>
        """);
}
