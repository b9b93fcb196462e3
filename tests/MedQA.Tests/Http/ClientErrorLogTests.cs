using MedQA.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MedQA.Tests.Http;

/// <summary>A client error is one log line (no stack trace), and a flood of them is a line a second with a count.</summary>
public sealed class ClientErrorLogTests
{
    [Fact]
    public async Task Each_client_error_is_one_line_and_a_flood_is_counted_not_written()
    {
        using var factory = new LoggedFactory();
        var client = factory.CreateClient();

        await client.PostAsync("{ nope }");
        var bad = new StringContent("{bad json", System.Text.Encoding.UTF8, "application/json");
        await client.PostAsync("/graphql", bad);
        var lines = factory.Lines;

        Assert.Equal(2, lines.Count);
        Assert.Matches("^400 FIELDS_ON_CORRECT_TYPE POST /graphql: Cannot query field 'nope' on type 'Query'", lines[0]);
        Assert.StartsWith("400 BAD_REQUEST POST /graphql: ", lines[1]);
        Assert.All(lines, line => Assert.DoesNotContain("   at ", line)); // no stack trace
    }

    [Fact]
    public void A_flood_is_ten_lines_a_second_and_the_next_line_counts_the_rest()
    {
        var capture = new LogCapture("MedQA.ClientErrors");
        var second = 100L;
        var log = new MedQA.Gateway.Http.ClientErrorLog(LoggerFactory.Create(b => b.AddProvider(capture)), () => second);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Path = "/graphql";

        for (var i = 0; i < 25; i++)
        {
            log.Write(http, 400, "BAD_REQUEST", "The request body must be a JSON object with a 'query' string.");
        }
        second++;
        log.Write(http, 400, "BAD_REQUEST", "The request body must be a JSON object with a 'query' string.");

        Assert.Equal(11, capture.Lines.Count);
        Assert.EndsWith("string. (15 more client errors were not logged)", capture.Messages.Last());
    }

    [Fact]
    public void A_server_fault_is_an_error_with_its_stack_trace_and_a_database_out_of_reach_a_warning_without()
    {
        var capture = new LogCapture("MedQA.ServerErrors");
        var log = new MedQA.Gateway.Http.ServerErrorLog(LoggerFactory.Create(b => b.AddProvider(capture)), () => 7);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/graphql";
        Exception bug;
        try
        {
            throw new InvalidOperationException("a resolver's bug");
        }
        catch (InvalidOperationException e)
        {
            bug = e;
        }

        log.Write(http, "INTERNAL_SERVER_ERROR", bug);
        log.Write(http, "DATABASE_UNAVAILABLE", new IOException("outer", new IOException("unable to open database file")));

        var lines = capture.Lines.ToList();
        Assert.StartsWith("MedQA.ServerErrors Error: INTERNAL_SERVER_ERROR GET /graphql: a resolver's bug\n   at System.InvalidOperationException: a resolver's bug", lines[0]);
        Assert.Contains(nameof(A_server_fault_is_an_error_with_its_stack_trace_and_a_database_out_of_reach_a_warning_without), lines[0]);
        Assert.Equal("MedQA.ServerErrors Warning: DATABASE_UNAVAILABLE GET /graphql: unable to open database file", lines[1]);
    }

    private sealed class LoggedFactory : MedQaFactory
    {
        private readonly LogCapture _capture = new("MedQA.ClientErrors");

        public List<string> Lines => _capture.Messages;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(_capture));
        }
    }
}
