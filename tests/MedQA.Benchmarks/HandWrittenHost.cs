using MedQA.Gateway.Data;

namespace MedQA.Benchmarks;

/// <summary>The hand-written endpoints' own minimal API host, on MedQA's database registration and the same file.</summary>
internal static class HandWrittenHost
{
    public static WebApplication Build(string connection, string url)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:MedQA"] = connection;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMedQaDatabase(builder.Configuration);
        var app = builder.Build();
        app.Urls.Add(url);
        HandWrittenEndpoints.Map(app);
        return app;
    }
}
