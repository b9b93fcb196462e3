using MedQA.Gateway;
using MedQA.Gateway.Cli;
using MedQA.Gateway.Data;
using MedQA.Gateway.Http;
using MedQA.Gateway.Plugins;

// A verb's own arguments (paths, which may start with '/') are not configuration: only its --Key=value options are.
var builder = WebApplication.CreateBuilder(CommandLine.IsCommand(args) ? CommandLine.Options(args) : args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}
if (CommandLine.IsCommand(args))
{
    // A verb's stdout is its result (a key printed once, the schema for a pipe): logs go to stderr.
    builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
}
else if (builder.Configuration.GetValue("MedQA:Logging:Json", builder.Environment.IsProduction()))
{
    // One JSON object per line, with the trace and span ids of the request it belongs to (as its spans carry).
    builder.Logging.AddJsonConsole(options =>
    {
        options.IncludeScopes = true;
        options.UseUtcTimestamp = true;
        options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
    });
    builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
}
builder.Services.AddMedQa(builder.Configuration, builder.Environment);

var app = builder.Build();
try
{
    if (CommandLine.IsCommand(args))
    {
        return await CommandLine.RunAsync(app.Services, args);
    }
    await app.Services.MigrateAsync();
    await app.Services.ImportSamplesIfEmptyAsync();
    await app.Services.ActivatePluginsAsync();
}
catch (DatabaseStartupException e)
{
    Console.Error.WriteLine($"MedQA cannot start: {e.Message}.");
    return 3;
}
app.MapMedQaGraphQL();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
