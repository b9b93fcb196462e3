using System.Globalization;
using GraphQL;
using GraphQL.Types;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Questions.Search;

/// <summary>Adds <c>search(query:, first:, after:)</c> to the root query.</summary>
public sealed class SearchQueries(IQuestionSearch search) : ObjectTypeExtension<QueryType>
{
    protected override void Extend(QueryType type) =>
        type.Field<NonNullGraphType<SearchResultConnectionType>>("search")
            .Description("Full-text search over titles, questions, replies and articles, best match first. " +
                "Words must all match; \"quoted words\" match as a phrase; word* matches a prefix; other punctuation is ignored.")
            .Argument<NonNullGraphType<StringGraphType>>("query", "What to look for, as a person types it.")
            .Argument<IntGraphType>("first", $"How many results (default {Paging.DefaultPageSize}, at most {Paging.MaxPageSize}).")
            .Argument<StringGraphType>("after", "The `endCursor` of the previous page.")
            .ResolveAsync(async context =>
            {
                context.RequestServices!.GetService<CacheHint>()?.Limit(30); // results move as pages are imported
                var request = Paging.Request(context, 3);
                var query = SearchQuery.Parse(context.GetArgument<string>("query"));
                var after = request.Cursor is { } cursor ? Position(cursor, context) : null;
                // On the request's connection, so that a statement still running when the request is cancelled is interrupted.
                var requestDb = context.RequestServices!.GetRequiredService<RequestDb>();
                var hits = await requestDb.RunAsync((db, cancellation) => search.SearchAsync(db, query, request.Size + 1, after, cancellation), context.CancellationToken);
                var edges = hits.Take(request.Size).Select(h => new Edge<SearchHit>(Cursor(h), h)).ToList();
                return new Connection<SearchHit>(edges,
                    new PageInfo(hits.Count > request.Size, after is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
                    cancellationToken => requestDb.RunAsync((db, cancellation) => search.CountAsync(db, query, cancellation), cancellationToken));
            });

    private static string Cursor(SearchHit hit) =>
        Paging.Cursor("s", hit.Score.ToString("R", CultureInfo.InvariantCulture), hit.QuestionId.ToString(CultureInfo.InvariantCulture));

    private static SearchPosition Position(string[] cursor, IResolveFieldContext context) =>
        cursor[0] == "s"
        && double.TryParse(cursor[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && double.IsFinite(score)
        && int.TryParse(cursor[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new SearchPosition(score, id)
            : throw Paging.BadCursor(context, "it is not a search cursor");
}
