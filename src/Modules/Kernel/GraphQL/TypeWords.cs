using System.Text;

namespace MedQA.Kernel.GraphQL;

/// <summary>A type name as a description says it: <c>SearchResult</c> is "search result", <c>Faq</c> "FAQ topic".</summary>
public static class TypeWords
{
    public static string Of(string typeName)
    {
        if (typeName == "Faq")
        {
            return "FAQ topic";
        }
        var words = new StringBuilder();
        foreach (var c in typeName)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}
