using System.Diagnostics;
using MedQA.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MedQA.Tests.Data;

/// <summary>A database MedQA cannot use stops the start with one line that names it and what is wrong, and exit code 3.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // SQLite files that cannot be used (read-only, locked, not a database)
public sealed class StartupFaultTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-startup-").FullName;

    [Fact]
    public async Task A_file_that_is_not_a_database_is_named()
    {
        var file = Path.Combine(_folder, "notes.db");
        await File.WriteAllTextAsync(file, "shopping list: milk, eggs");

        var (exitCode, lastLine) = await StartAsync($"Data Source={file}");

        Assert.Equal((3, $"MedQA cannot start: the database file {file} is not a SQLite database (SQLite error 26): point ConnectionStrings:MedQA at a MedQA database, or at a new file."),
            (exitCode, lastLine));
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_named()
    {
        var file = Path.Combine(_folder, "missing-folder", "medqa.db");

        var (exitCode, lastLine) = await StartAsync($"Data Source={file};Mode=ReadOnly");

        Assert.Equal((3, $"MedQA cannot start: the database file {file} cannot be opened (SQLite error 14): check that its folder exists and can be written."),
            (exitCode, lastLine));
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_MedQA_is_refused()
    {
        var file = Path.Combine(_folder, "newer.db");
        Assert.Equal(0, (await StartAsync($"Data Source={file}", "documents", "list")).ExitCode); // migrates it
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory VALUES ('29990101000000_FromTheFuture', '99.0.0')";
            await command.ExecuteNonQueryAsync();
        }

        var (exitCode, lastLine) = await StartAsync($"Data Source={file}", "export", Path.Combine(_folder, "out"));

        Assert.Equal((3, $"MedQA cannot start: the database file {file} was migrated by a newer MedQA (migration 29990101000000_FromTheFuture is unknown to this build): run that version, or a backup made for this one."),
            (exitCode, lastLine));
    }

    /// <summary>Runs the gateway (serving, or a verb) on a database and returns its exit code and the last line of stderr.</summary>
    private async Task<(int ExitCode, string LastLine)> StartAsync(string connection, params string[] verb)
    {
        var gateway = RepositoryRoot.File("src", "Gateway", "bin", MedQaFactory.BuildConfiguration, "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = gateway, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("MedQA.Gateway.dll");
        foreach (var arg in verb.Length > 0 ? verb : ["--urls", "http://127.0.0.1:0"])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__MedQA"] = connection;
        start.Environment["MedQA__Samples__ImportWhenEmpty"] = "false";
        start.Environment["PWD"] = _folder;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(1))) != exited) // serving: it started after all
        {
            process.Kill(entireProcessTree: true);
            return (-1, "still running");
        }
        await stdout;
        return (process.ExitCode, (await stderr).TrimEnd().Split('\n')[^1].TrimEnd('\r'));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
