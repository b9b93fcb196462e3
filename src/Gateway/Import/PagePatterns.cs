using System.Globalization;
using System.Text.RegularExpressions;

namespace MedQA.Gateway.Import;

/// <summary>The fixed lines of the page format.</summary>
internal static partial class PagePatterns
{
    public const string AskerShape = "'<alias>[, <min>~<max> year old][ <female|male>]. Ask Date: YYYY/MM/DD'";
    public const string DoctorShape = "'Dr. <name> reply <specialty>'";

    // The alias, then optionally a comma with the age range and/or the gender: "Anonymous. Ask Date: ..." is an alias alone.
    [GeneratedRegex(@"^(?<alias>.+?)(?:,\s*(?:(?<min>\d{1,3})\s*[~-]\s*(?<max>\d{1,3})\s+years?\s+old\s*)?(?<gender>female|male)?)?\s*\.?\s*Ask Date:\s*(?<date>\S+)\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex Asker();

    [GeneratedRegex(@"^Dr\.?\s+(?<name>.+?)\s+reply\s+(?<specialty>\S.*?)\s*$")]
    public static partial Regex Doctor();

    [GeneratedRegex(@"^Reply Date:\s*(?<date>\S+)\s*$")]
    public static partial Regex ReplyDate();

    [GeneratedRegex(@"^(?<number>\d{1,3})\.\s+(?<text>.+)$")]
    public static partial Regex Item();

    [GeneratedRegex(@"^\((?<specialty>.+)\)$")]
    public static partial Regex FaqSpecialty();

    public static bool IsAskerLine(string line) => line.Contains("Ask Date:", StringComparison.OrdinalIgnoreCase);

    public static bool IsMarker(string line, string marker) => line.Trim().Equals(marker, StringComparison.OrdinalIgnoreCase);

    public static bool IsPartStart(string line) =>
        IsMarker(line, "More Info") || IsMarker(line, "Similar Q&A") || IsMarker(line, "Related FAQ");

    /// <summary>A page date, "2015/08/26" (or "2015-08-26"); null when it is not a real calendar date.</summary>
    public static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, ["yyyy/MM/dd", "yyyy-MM-dd", "yyyy/M/d"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var date) ? date : null;
}
