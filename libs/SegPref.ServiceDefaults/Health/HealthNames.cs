namespace SegPref.ServiceDefaults.Health;

/// <summary>Health-check tags and grpc.health.v1 service names shared by every mesh process.</summary>
public static class HealthNames
{
    /// <summary>Tag of the checks that decide liveness (the process answers; restart it when it does not).</summary>
    public const string Live = "live";

    /// <summary>Tag of the checks that decide readiness (models warmed up, required dependencies reachable).</summary>
    public const string Ready = "ready";

    /// <summary>Tag of the model checks: every gRPC service of a process needs its models.</summary>
    public const string Models = "models";

    /// <summary>grpc.health.v1 service name answered from the liveness checks (Kubernetes livenessProbe grpc.service).</summary>
    public const string LivenessService = "liveness";

    /// <summary>HTTP liveness path.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>HTTP readiness path (aggregated readiness; JSON body with every check).</summary>
    public const string ReadinessPath = "/readyz";
}
