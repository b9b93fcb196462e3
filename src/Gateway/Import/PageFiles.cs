using System.Text;

namespace MedQA.Gateway.Import;

/// <summary>Finds page files and reads them as text, refusing what is not UTF-8 text.</summary>
public static class PageFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The files named, and every *.txt file under the folders named: folder by folder, shorter names first, then
    /// by name. An exported folder imports in this order so that each page gets its slug back: "pain.txt" before
    /// "pain-2.txt" before "pain-2-2.txt" (by name alone "pain-2-2.txt" came first and took the slug "pain-2").
    /// </summary>
    public static IEnumerable<string> Find(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories)
                    .OrderBy(Path.GetDirectoryName, StringComparer.Ordinal).ThenBy(f => Path.GetFileName(f).Length).ThenBy(f => f, StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>The largest page file imported by default (<c>MedQA:Import:MaxPageBytes</c>): a site page is 5-20 KB.</summary>
    public const int DefaultMaxPageBytes = 256 * 1024;

    /// <summary>
    /// The file's text; throws <see cref="PageFormatException"/> for a file over <paramref name="maxBytes"/> (before
    /// reading it), a binary or a non-UTF-8 file.
    /// </summary>
    public static async Task<string> ReadAsync(string file, CancellationToken cancellationToken, long maxBytes = DefaultMaxPageBytes)
    {
        var size = new FileInfo(file).Length;
        if (size > maxBytes)
        {
            throw new PageFormatException(1, $"the file is {size:N0} bytes; pages over {maxBytes:N0} bytes are not imported (MedQA:Import:MaxPageBytes)");
        }
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new PageFormatException(LineAt(bytes, nul), "the file is binary, not a text page (it holds a NUL byte)");
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new PageFormatException(LineAt(bytes, Math.Max(0, e.Index)), "the file is not UTF-8 text");
        }
    }

    private static int LineAt(byte[] bytes, int offset) => 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
}
