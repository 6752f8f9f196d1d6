namespace SegPref.ServiceDefaults.Health;

/// <summary>
/// A gRPC service a process serves, answered by name on grpc.health.v1: SERVING when the process's models are
/// ready and every check tagged with <paramref name="Name"/> (its dependencies) is healthy.
/// </summary>
/// <param name="Name">Full service name, e.g. "segpref.segmentation.v1.Pipeline".</param>
public sealed record ServedGrpcService(string Name);
