using System.Net;
using MedQA.Gateway.Schema;
using MedQA.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Http;

public sealed class IdeTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    [Fact]
    public async Task The_IDE_page_and_its_script_are_served()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/ide/");
        var html = await page.Content.ReadAsStringAsync();
        var scriptPath = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"module\"[^>]* src=\"(/ide/assets/[^\"]+\\.js)\"").Groups[1].Value;
        var script = await client.GetAsync(scriptPath);

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("MedQA GraphQL IDE", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/schema.graphql", await script.Content.ReadAsStringAsync()); // GraphiQL's schema, introspection or not
    }

    [Fact]
    public async Task The_served_SDL_is_the_schema()
    {
        var sdl = await factory.CreateClient().GetStringAsync("/schema.graphql");

        Assert.Equal(SchemaExport.Print(factory.Services.GetRequiredService<MedQaSchema>()), sdl);
    }
}
