using GraphQL.Types;

namespace MedQA.Questions;

public enum QuestionOrderField
{
    AskedOn,
    Title,
    Relevance,
}

public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>How to order questions; the id breaks ties, so the order is stable and cursors never skip or repeat.</summary>
public sealed class QuestionOrder
{
    public QuestionOrderField Field { get; set; }

    public SortDirection? Direction { get; set; }

    public static readonly QuestionOrder Default = new() { Field = QuestionOrderField.AskedOn };

    /// <summary>The direction, or the field's natural one: newest first, titles A to Z.</summary>
    public SortDirection EffectiveDirection => Direction ?? (Field == QuestionOrderField.Title ? SortDirection.Asc : SortDirection.Desc);
}

public sealed class QuestionOrderType : InputObjectGraphType<QuestionOrder>
{
    public QuestionOrderType()
    {
        Name = "QuestionOrder";
        Description = "The order of a question list; ties are broken by id, so paging is stable.";
        Field<NonNullGraphType<QuestionOrderFieldType>>("field").Description("What to order by.");
        Field<SortDirectionType>("direction").Description("ASC or DESC; by default newest first for ASKED_ON, A to Z for TITLE, best first for RELEVANCE.");
    }
}

public sealed class QuestionOrderFieldType : EnumerationGraphType<QuestionOrderField>
{
    public QuestionOrderFieldType()
    {
        Name = "QuestionOrderField";
        Description = "ASKED_ON: the ask date. TITLE: the title. RELEVANCE: how well it matches `where.text` (which it needs).";
    }
}

public sealed class SortDirectionType : EnumerationGraphType<SortDirection>
{
    public SortDirectionType()
    {
        Name = "SortDirection";
        Description = "ASC: smallest, oldest or A first. DESC: largest, newest or Z first.";
    }
}
