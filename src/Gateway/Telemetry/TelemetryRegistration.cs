using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MedQA.Gateway.Telemetry;

/// <summary>Configuration section <c>MedQA:Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "MedQA:Telemetry";

    /// <summary>Write spans and metrics to the console (for local use).</summary>
    public bool Console { get; set; }

    /// <summary>
    /// Export spans and metrics over OTLP to this collector (<c>http://collector:4317</c>); the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> does the same.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }
}

public static class TelemetryRegistration
{
    /// <summary>
    /// OpenTelemetry traces and metrics when an exporter is configured (console, OTLP): ASP.NET Core's request spans
    /// and metrics, a span per database command (EF Core), MedQA's operation and plugin spans and its operation
    /// metrics (<see cref="MedQaTelemetry"/>). With none configured nothing is registered and nothing listens.
    /// </summary>
    public static IServiceCollection AddMedQaTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpEndpoint ?? (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null);
        if (!options.Console && otlp is null)
        {
            return services;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("medqa-gateway", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing =>
            {
                tracing.AddSource(MedQaTelemetry.Name).AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation();
                if (options.Console)
                {
                    tracing.AddConsoleExporter();
                }
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MedQaTelemetry.Name).AddAspNetCoreInstrumentation();
                if (options.Console)
                {
                    metrics.AddConsoleExporter();
                }
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        return services;
    }
}
