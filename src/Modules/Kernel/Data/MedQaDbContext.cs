using Microsoft.EntityFrameworkCore;

namespace MedQA.Kernel.Data;

/// <summary>
/// The one database context every module queries (through <see cref="IDbContextFactory{TContext}"/>: GraphQL runs
/// resolvers in parallel, so no context is shared between them). Each provider derives its own context type so
/// that it keeps its own migrations; the model is the same for all: every module's entity configurations.
/// </summary>
public abstract class MedQaDbContext(DbContextOptions options) : DbContext(options);
