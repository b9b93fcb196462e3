using GraphQL.Builders;
using MedQA.Kernel.GraphQL;

namespace MedQA.Questions;

public static class QuestionListArguments
{
    /// <summary>The arguments of every question list: paging both ways, <c>where</c> and <c>order</c>.</summary>
    public static FieldBuilder<TSource, TReturn> QuestionListArgs<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .PagingArguments("questions")
        .Argument<QuestionFilterType>("where", "Only the questions that meet every condition given.")
        .Argument<QuestionOrderType>("order", "The order; newest first by default.");
}
