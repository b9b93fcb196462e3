using GraphQL.Types;
using MedQA.Kernel.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Questions.Search;

public sealed class SearchResultType : ObjectGraphType<SearchHit>
{
    public SearchResultType()
    {
        Name = "SearchResult";
        Description = "A question that matches a search, with its score and a snippet showing where it matched.";
        Field<NonNullGraphType<QuestionType>>("question").Description("The matching question.")
            .Resolve(context => context.Service<QuestionLoaders>().ById.Load(context.Source.QuestionId));
        Field<NonNullGraphType<FloatGraphType>>("score").Description("How well it matches: higher is better; comparable within one search only.")
            .ResolveSource(source => source.Score);
        Field<NonNullGraphType<SnippetType>>("snippet").Description("A piece of the matching text, with the matched words marked as ranges.")
            .ResolveSource(source => source.Snippet);
    }
}

public sealed class SnippetType : ObjectGraphType<Snippet>
{
    public SnippetType()
    {
        Name = "Snippet";
        Description = "Plain text (never markup) and the ranges of it that matched: render the highlights as you like.";
        Field<NonNullGraphType<StringGraphType>>("text").Description("The text; `…` marks where it was cut.").ResolveSource(source => source.Text);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TextRangeType>>>>("highlights").Description("The matched ranges of `text`, in order.")
            .ResolveSource(source => source.Highlights);
    }
}

public sealed class TextRangeType : ObjectGraphType<TextRange>
{
    public TextRangeType()
    {
        Name = "TextRange";
        Description = "A range of a text, counted in UTF-16 code units (JavaScript string indexes).";
        Field<NonNullGraphType<IntGraphType>>("start").Description("Where the range starts.").ResolveSource(source => source.Start);
        Field<NonNullGraphType<IntGraphType>>("length").Description("How long it is.").ResolveSource(source => source.Length);
    }
}

public sealed class SearchResultConnectionType() : ConnectionType<SearchResultType, SearchResultEdgeType, SearchHit>("SearchResult");

public sealed class SearchResultEdgeType() : EdgeType<SearchResultType, SearchHit>("SearchResult");
