using MedQA.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MedQA.Tests.Data;

/// <summary>
/// One model, one migration set per provider. No SQL Server runs here, so its migrations are checked as the
/// script they generate; SQLite's and PostgreSQL's are run (MigratedSchemaTests, on each).
/// </summary>
public sealed class MigrationTests
{
    private static SqlServerMedQaDbContext SqlServer() => new(new DbContextOptionsBuilder<SqlServerMedQaDbContext>()
        .UseSqlServer("Server=localhost;Database=MedQA;Integrated Security=true;TrustServerCertificate=true").Options);

    private static PostgresMedQaDbContext Postgres() => new(new DbContextOptionsBuilder<PostgresMedQaDbContext>()
        .UseNpgsql("Host=localhost;Database=medqa").Options);

    private static SqliteMedQaDbContext Sqlite() => new(new DbContextOptionsBuilder<SqliteMedQaDbContext>()
        .UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void The_SQL_Server_migrations_are_up_to_date_with_the_model()
    {
        using var db = SqlServer();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed: dotnet ef migrations add <Name> --project src/Gateway --context SqlServerMedQaDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void The_SQLite_migrations_are_up_to_date_with_the_model()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed: dotnet ef migrations add <Name> --project src/Gateway --context SqliteMedQaDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_PostgreSQL_migrations_are_up_to_date_with_the_model()
    {
        using var db = Postgres();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed: dotnet ef migrations add <Name> --project src/Gateway --context PostgresMedQaDbContext --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    public void The_SQL_Server_script_creates_every_table_index_and_foreign_key_of_the_model()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var model = db.GetService<IDesignTimeModel>().Model;

        foreach (var entity in model.GetEntityTypes())
        {
            Assert.Contains($"CREATE TABLE [{entity.GetTableName()}]", script);
            foreach (var index in entity.GetIndexes())
            {
                Assert.Contains($"[{index.GetDatabaseName()}]", script);
            }
            foreach (var key in entity.GetForeignKeys())
            {
                Assert.Contains($"CONSTRAINT [{key.GetConstraintName()}] FOREIGN KEY", script);
            }
        }
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"N'{migration}'", script);
        }
        Assert.Contains("nvarchar(max)", script);
        Assert.Contains("CREATE FULLTEXT INDEX ON [QuestionSearch]", script); // search, outside the model
    }
}
