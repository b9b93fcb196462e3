using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MedQA.Gateway.Partners;

/// <summary>API keys: 32 random bytes, shown once; only their SHA-256 is kept.</summary>
public static class PartnerKeys
{
    public const string Header = "X-Api-Key";
    private const string Prefix = "mqa_";

    public static string NewKey() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The persisted-document id of an operation's text: <c>sha256:</c> and the lower-case hex hash.</summary>
    public static string DocumentId(string query) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
}
