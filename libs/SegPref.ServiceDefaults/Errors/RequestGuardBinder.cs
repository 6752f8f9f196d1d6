using Grpc.Core;

namespace SegPref.ServiceDefaults.Errors;

/// <summary>
/// Binds a generated gRPC service with request deserializers that turn unparseable bytes into INVALID_ARGUMENT.
/// grpc-dotnet deserializes the request before any interceptor runs and reports a failure there as UNKNOWN
/// ("Exception was thrown by handler."); truncated or mutated protobuf and invalid UTF-8 in string fields are the
/// caller's fault and must say so. Use it from a service class that carries its own BindServiceMethod attribute:
/// <code>
/// [BindServiceMethod(typeof(CaptionerGrpcService), nameof(BindService))]
/// ... public static ServiceDescriptor Descriptor => Captioner.Descriptor;
/// ... public static void BindService(ServiceBinderBase binder, Captioner.CaptionerBase service) =>
///         Captioner.BindService(new RequestGuardBinder(binder), service);
/// </code>
/// (grpc-dotnet, JSON transcoding and reflection find the bind method and the Descriptor property through that attribute.)
/// </summary>
public sealed class RequestGuardBinder(ServiceBinderBase inner) : ServiceBinderBase
{
    /// <inheritdoc/>
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guard(method), handler);

    /// <inheritdoc/>
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guard(method), handler);

    /// <inheritdoc/>
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guard(method), handler);

    /// <inheritdoc/>
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guard(method), handler);

    private static Method<TRequest, TResponse> Guard<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(method);
        var deserialize = method.RequestMarshaller.ContextualDeserializer;
        var requestName = typeof(TRequest).Name;
        var marshaller = Marshallers.Create<TRequest>(method.RequestMarshaller.ContextualSerializer, context =>
        {
            try
            {
                return deserialize(context);
            }
#pragma warning disable CA1031 // Whatever the parser throws on client bytes (protobuf errors, invalid UTF-8, depth), the client sent it.
            catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"request: not a valid {requestName} message ({ex.Message})"));
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }
}
