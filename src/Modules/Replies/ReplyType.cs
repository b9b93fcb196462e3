using GraphQL.Types;
using MedQA.Kernel.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Replies;

public sealed class ReplyType : ObjectGraphType<Reply>
{
    public ReplyType()
    {
        Name = "Reply";
        Description = "A doctor's reply to a question.";
        this.ImplementNode(r => r.Id);
        Field<NonNullGraphType<DoctorType>>("doctor").Description("The doctor who replied.")
            .ResolveWith<ReplyLoaders, Reply, object>((loaders, reply) => (object?)reply.Doctor ?? loaders.DoctorById.Resolve(reply.DoctorId));
        Field<NonNullGraphType<StringGraphType>>("body").Description("The reply: plain text, line breaks kept.")
            .ResolveWith<ReplyLoaders, Reply, object>((loaders, reply) => (object?)reply.Body ?? loaders.BodyById.Load(reply.Id));
        Field<NonNullGraphType<IsoDateGraphType>>("repliedOn").Description("The day the doctor replied.")
            .ResolveSource(source => source.RepliedOn);
    }
}
