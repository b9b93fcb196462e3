using System.Text;

namespace MedQA.Kernel;

/// <summary>Lower-case kebab slugs: "Facial nerve twitching" becomes "facial-nerve-twitching".</summary>
public static class Slug
{
    public static string From(string text, string fallback = "item")
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var result = slug.ToString().TrimEnd('-');
        return result.Length == 0 ? fallback : result.Length > 200 ? result[..200].TrimEnd('-') : result;
    }
}
