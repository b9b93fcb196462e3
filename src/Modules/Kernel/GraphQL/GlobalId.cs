using System.Buffers.Text;
using System.Text;

namespace MedQA.Kernel.GraphQL;

/// <summary>Opaque global ids (<c>Node.id</c>): the type name and the row key, base64url-encoded.</summary>
public static class GlobalId
{
    public static string Encode(string typeName, int key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    public static bool TryDecode(string id, out string typeName, out int key)
    {
        typeName = "";
        key = 0;
        if (id.Length is 0 or > 200 || !Base64Url.IsValid(id))
        {
            return false;
        }
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
        var colon = text.IndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out key) || key <= 0)
        {
            return false;
        }
        typeName = text[..colon];
        return true;
    }
}
