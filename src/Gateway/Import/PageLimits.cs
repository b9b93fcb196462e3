namespace MedQA.Gateway.Import;

/// <summary>
/// The longest values the model stores for what a page names, checked on the line that gives them (a test holds
/// them equal to the EF model's maximum lengths). Titles and headlines: <see cref="Questions.Question.MaxTitleLength"/>.
/// </summary>
public static class PageLimits
{
    /// <summary>An asker alias, a doctor's name, a specialty.</summary>
    public const int Name = 200;

    /// <summary>A FAQ topic.</summary>
    public const int Topic = 300;
}
