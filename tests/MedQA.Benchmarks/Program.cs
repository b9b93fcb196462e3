using MedQA.Benchmarks;

// Usage: dotnet run -c Release --project tests/MedQA.Benchmarks -- [--questions 100000] [--seed 42] [--seconds 20] [--rounds 10] [--warmup 10] [--connections 16] [--postgres <server connection string>]
//        dotnet run -c Release --project tests/MedQA.Benchmarks -- soak [--minutes 3] [--questions 100000] [--postgres <server> --redis <host:port> [--replicas 2]]
//        dotnet run -c Release --project tests/MedQA.Benchmarks -- ab --a <folder of another build> [--page list|question|search]
//        dotnet run -c Release --project tests/MedQA.Benchmarks -- isolation [--seconds 15] [--gateway <folder of another build>]  (a blocking plugin against ordinary requests)
//        dotnet run -c Release --project tests/MedQA.Benchmarks -- hand [--questions 100000] [--port 5302]  (serves the hand-written endpoints alone, to profile them)
try
{
    return args.FirstOrDefault() switch
    {
        "soak" => await Soak.RunAsync(BenchOptions.Parse(args), args),
        "ab" => await AbRun.RunAsync(BenchOptions.Parse(args), args),
        "isolation" => await IsolationRun.RunAsync(args),
        "hand" => await HandWrittenHost.ServeAsync(BenchOptions.Parse(args), args),
        _ => await Benchmark.RunAsync(BenchOptions.Parse(args)),
    };
}
catch (BenchmarkSetupException e)
{
    Console.Error.WriteLine($"benchmark: {e.Message}");
    return 2;
}
finally
{
    Server.StopAll();
}
