using MedQA.Gateway.Partners;
using MedQA.Questions.Search;
using StackExchange.Redis;

namespace MedQA.Gateway.Replicas;

/// <summary>What changed in the catalogue, for every gateway that serves it to forget what it kept.</summary>
public enum CatalogueChange
{
    /// <summary>An import committed pages: search rankings and GET answers kept in memory (and in Redis) are out of date.</summary>
    Content,

    /// <summary>A partner or app document was added, changed or revoked: the partner directory is out of date.</summary>
    Partners,
}

/// <summary>
/// Tells the gateways serving the catalogue of a change made in this process (an import, a partner verb), so each
/// forgets what it kept: search rankings, GET answers, the partner directory. Without Redis the change reaches this process only
/// (other processes see it when their rankings expire and their directory is reloaded); with Redis
/// (<c>ConnectionStrings:Redis</c>) it is published on one channel every gateway, this one included, listens to.
/// </summary>
public interface ICatalogueChanges
{
    Task PublishAsync(CatalogueChange change, CancellationToken cancellationToken = default);
}

/// <summary>Applies a change to this process: search rankings and kept answers are dropped, the partner directory reloads.</summary>
public sealed class CatalogueChangeHandler(IQuestionSearch search, Http.AnswerCache answers, PartnerDirectory directory, ILogger<CatalogueChangeHandler> logger)
{
    public async Task ApplyAsync(CatalogueChange change, CancellationToken cancellationToken = default)
    {
        switch (change)
        {
            case CatalogueChange.Content:
                search.IndexChanged();
                await answers.ContentChangedAsync();
                break;
            case CatalogueChange.Partners:
                try
                {
                    await directory.ReloadAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Reloading the partner directory after a change failed; the periodic reload will try again");
                }
                break;
        }
    }
}

/// <summary>One process: the change is applied here, at once.</summary>
public sealed class LocalCatalogueChanges(CatalogueChangeHandler handler) : ICatalogueChanges
{
    public Task PublishAsync(CatalogueChange change, CancellationToken cancellationToken = default) => handler.ApplyAsync(change, cancellationToken);
}

/// <summary>
/// Several processes: the change is applied here at once and published on the Redis channel
/// <see cref="Channel"/>; every gateway's subscription (<see cref="CatalogueChangeSubscription"/>) applies what it
/// receives. When Redis cannot be reached the change is still applied here, and the failure logged: the others catch
/// up when their rankings expire and their directory reloads.
/// </summary>
public sealed class RedisCatalogueChanges(IConnectionMultiplexer redis, CatalogueChangeHandler handler, ILogger<RedisCatalogueChanges> logger) : ICatalogueChanges
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("medqa:catalogue-changes");

    public async Task PublishAsync(CatalogueChange change, CancellationToken cancellationToken = default)
    {
        await handler.ApplyAsync(change, cancellationToken);
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, change.ToString());
        }
        catch (RedisException e)
        {
            logger.LogWarning("Could not tell the other gateways of a {Change} change through Redis: {Message}", change, e.Message);
        }
    }
}

/// <summary>Listens on the Redis channel for the changes other processes publish, and applies them here.</summary>
public sealed class CatalogueChangeSubscription(IConnectionMultiplexer redis, CatalogueChangeHandler handler, ILogger<CatalogueChangeSubscription> logger)
    : IHostedService
{
    private int _subscribed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A subscription made is renewed by the client after every reconnection; one that could not be made (Redis
        // away at start) is made when the connection comes.
        redis.ConnectionRestored += async (_, _) => await SubscribeAsync();
        await SubscribeAsync();
    }

    private async Task SubscribeAsync()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            return;
        }
        ChannelMessageQueue queue;
        try
        {
            queue = await redis.GetSubscriber().SubscribeAsync(RedisCatalogueChanges.Channel);
        }
        catch (RedisException e)
        {
            Volatile.Write(ref _subscribed, 0);
            logger.LogError("Redis cannot be reached ({Message}): until it can, this gateway does not hear of other processes' imports and partner changes (its rankings still expire, its partners still reload)", e.Message);
            return;
        }
        queue.OnMessage(async message =>
        {
            if (Enum.TryParse<CatalogueChange>(message.Message.ToString(), out var change))
            {
                await handler.ApplyAsync(change);
            }
            else
            {
                logger.LogWarning("Unknown catalogue change '{Message}' on {Channel}: ignored", message.Message.ToString(), RedisCatalogueChanges.Channel);
            }
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(RedisCatalogueChanges.Channel);
}
