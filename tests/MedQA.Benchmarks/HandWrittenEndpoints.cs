using System.Globalization;
using System.Text.Json;
using MedQA.Faqs;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using MedQA.Questions;
using MedQA.Replies;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Benchmarks;

/// <summary>
/// The practical limit of this stack: minimal-API endpoints that answer the list and question pages with the
/// fewest EF queries we could write and a hand-rolled JSON writer, byte for byte what MedQA's GraphQL returns.
/// </summary>
internal static class HandWrittenEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/hand/list", async (HttpContext http, IDbContextFactory<MedQaDbContext> contexts) =>
        {
            await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
            var rows = await HandWrittenQueries.ListPage(db).ToListAsync(http.RequestAborted);
            var page = rows.Take(20).ToList();
            var replies = (await HandWrittenQueries.ListReplies(db, [.. page.Select(r => r.Id)]).ToListAsync(http.RequestAborted))
                .ToLookup(r => r.QuestionId);
            await Json(http, w =>
            {
                w.WriteStartObject("questions");
                w.WriteStartArray("edges");
                foreach (var q in page)
                {
                    w.WriteStartObject();
                    w.WriteString("cursor", Cursor(q.AskedOn, q.Id));
                    w.WriteStartObject("node");
                    w.WriteString("slug", q.Slug);
                    w.WriteString("title", q.Title);
                    w.WriteString("askedOn", Date(q.AskedOn));
                    Named(w, "specialty", q.Specialty);
                    w.WriteStartArray("replies");
                    foreach (var r in replies[q.Id])
                    {
                        Reply(w, null, r.RepliedOn, r.Doctor, r.Specialty);
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartObject("pageInfo");
                w.WriteBoolean("hasNextPage", rows.Count > 20);
                w.WriteString("endCursor", page.Count > 0 ? Cursor(page[^1].AskedOn, page[^1].Id) : null);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        });
        app.MapGet("/hand/question", QuestionPage.WriteAsync);
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Cursor(DateOnly askedOn, int id) => Paging.Cursor("a", Date(askedOn), id.ToString(CultureInfo.InvariantCulture));

    /// <summary>A reply as both pages select it: the body (question page only), the date, the doctor.</summary>
    internal static void Reply(Utf8JsonWriter w, string? body, DateOnly repliedOn, string doctor, string specialty)
    {
        w.WriteStartObject();
        if (body is not null)
        {
            w.WriteString("body", body);
        }
        w.WriteString("repliedOn", Date(repliedOn));
        w.WriteStartObject("doctor");
        w.WriteString("name", doctor);
        Named(w, "specialty", specialty);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    internal static void Named(Utf8JsonWriter w, string property, string name)
    {
        w.WriteStartObject(property);
        w.WriteString("name", name);
        w.WriteEndObject();
    }

    /// <summary>Writes <c>{"data":{...}}</c> as GraphQL does.</summary>
    internal static async Task Json(HttpContext http, Action<Utf8JsonWriter> data)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(http.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        data(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(http.RequestAborted);
    }
}
