using Microsoft.Extensions.Configuration;

namespace MedQA.Plugins;

/// <summary>
/// The headings an article-section plugin claims, given as the words they start with (site pages say "Causes of
/// ...", "Possible Causes", "What Causes ..." for the same section): defaults in code, replaceable in settings.
/// </summary>
public static class SectionHeadings
{
    /// <summary>
    /// The heading starts listed in the plugin's settings under <c>Headings</c>
    /// (<c>MedQA:Plugins:&lt;name&gt;:Headings:0</c>, <c>:1</c>, ...), or <paramref name="defaults"/> when none are.
    /// </summary>
    /// <param name="settings">The plugin's settings section, as given to its classes.</param>
    /// <param name="defaults">The starts to claim when the settings list none.</param>
    public static string[] From(IConfiguration settings, string[] defaults)
    {
        var listed = settings.GetSection("Headings").GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
        return listed.Length > 0 ? listed : defaults;
    }

    /// <summary>
    /// Whether <paramref name="heading"/> starts with one of <paramref name="starts"/>, ignoring case, as whole words
    /// ("Causes" claims "Causes of Headache", not "Causeshop").
    /// </summary>
    /// <param name="heading">The section's heading as written.</param>
    /// <param name="starts">The starts to look for.</param>
    public static bool Match(string heading, IReadOnlyList<string> starts)
    {
        var text = heading.Trim();
        return starts.Any(start => text.StartsWith(start, StringComparison.OrdinalIgnoreCase)
            && (text.Length == start.Length || !char.IsLetterOrDigit(text[start.Length])));
    }
}
